import { useCallback, useRef, useState } from 'react';
import { lookupUrl } from '../../lib/backend/client';
import type { LookupResult } from '../../lib/contract';
import { services } from '../../lib/db/services';
import { BackendSettingsSchema } from '../../lib/model/settings';
import { PROGRESS_GROUPS, type GroupState, type LookupState } from '../../components/report/RecipientsPanel';

const groupOf = (step: string) => PROGRESS_GROUPS.find((g) => (g.steps as string[]).includes(step))?.id;

/** Runs the backend lookup and folds its streamed steps into the four stages the page shows. */
export function useLookup(onResult: (r: LookupResult) => void) {
  const [state, setState] = useState<LookupState>({ phase: 'idle' });
  const running = useRef<AbortController | null>(null);

  const run = useCallback(
    async (url: string, headers?: Record<string, string>) => {
      running.current?.abort();
      const ctrl = new AbortController();
      running.current = ctrl;
      const groups: Record<string, GroupState> = { dns: 'running', network: 'waiting', cdn: 'waiting', registrar: 'running' };
      setState({ phase: 'running', groups: { ...groups } });
      try {
        const settings = (await services().settings.read('backend')).value ?? BackendSettingsSchema.parse({});
        const result = await lookupUrl(settings, fetch.bind(globalThis), { url, headers }, {
          signal: ctrl.signal,
          onStep: (e) => {
            const g = groupOf(e.step);
            if (!g) return;
            groups[g] = e.status === 'start' ? 'running' : e.status === 'error' ? 'error' : groups[g] === 'error' ? 'error' : 'done';
            if (g === 'dns' && e.status !== 'start') groups.network = groups.network === 'waiting' ? 'running' : groups.network;
            if (g === 'network' && e.status !== 'start') groups.cdn = groups.cdn === 'waiting' ? 'running' : groups.cdn;
            setState({ phase: 'running', groups: { ...groups } });
          },
        });
        for (const k of Object.keys(groups)) if (groups[k] !== 'error') groups[k] = 'done';
        for (const e of result.errors) {
          const g = groupOf(e.step);
          if (g) groups[g] = 'error';
        }
        setState({ phase: 'done', result, groups: { ...groups } });
        onResult(result);
      } catch (error) {
        if (!ctrl.signal.aborted) setState({ phase: 'failed', error });
      }
    },
    [onResult],
  );
  return { state, run };
}
