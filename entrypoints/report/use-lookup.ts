import { useCallback, useRef, useState } from 'react';
import type { LookupResult } from '../../lib/contract';
import { db } from '../../lib/db/schema';
import { lookupInMode, type LookupSource } from '../../lib/report/lookup-runner';
import { IS_TEST_BUILD } from '../../lib/report/test-build';
import { PROGRESS_GROUPS, type GroupState, type LookupState } from '../../components/report/RecipientsPanel';

const groupOf = (step: string) => PROGRESS_GROUPS.find((g) => (g.steps as string[]).includes(step))?.id;

/**
 * Runs the lookup in the mode chosen in the options (backend or this page itself) and folds its steps into the
 * four stages the page shows; `source` says which one answered and what it could not do.
 */
export function useLookup(onResult: (r: LookupResult) => void) {
  const [state, setState] = useState<LookupState>({ phase: 'idle' });
  const [source, setSource] = useState<LookupSource | null>(null);
  const running = useRef<AbortController | null>(null);

  const run = useCallback(
    async (url: string, headers?: Record<string, string>) => {
      running.current?.abort();
      const ctrl = new AbortController();
      running.current = ctrl;
      const groups: Record<string, GroupState> = { dns: 'running', network: 'waiting', cdn: 'waiting', registrar: 'running' };
      setState({ phase: 'running', groups: { ...groups } });
      setSource(null);
      try {
        const env = { db: db(), fetch: fetch.bind(globalThis), pageOrigin: location.origin, testBuild: IS_TEST_BUILD };
        const { result, source: answered } = await lookupInMode(env, { url, headers }, {
          signal: ctrl.signal,
          onStep: (e) => {
            const g = groupOf(e.step);
            if (!g) return;
            groups[g] = e.status === 'start' ? 'running' : e.status === 'error' ? 'error' : groups[g] === 'error' ? 'error' : 'done';
            if (g === 'dns' && e.status !== 'start') groups.network = groups.network === 'waiting' ? 'running' : (groups.network ?? 'running');
            if (g === 'network' && e.status !== 'start') groups.cdn = groups.cdn === 'waiting' ? 'running' : (groups.cdn ?? 'running');
            setState({ phase: 'running', groups: { ...groups } });
          },
        });
        // A newer run replaced this one (the browser lookup cannot be interrupted half-way).
        if (ctrl.signal.aborted) return;
        for (const k of Object.keys(groups)) if (groups[k] !== 'error') groups[k] = 'done';
        for (const e of result.errors) {
          const g = groupOf(e.step);
          if (g) groups[g] = 'error';
        }
        setSource(answered);
        setState({ phase: 'done', result, groups: { ...groups } });
        onResult(result);
      } catch (error) {
        if (!ctrl.signal.aborted) setState({ phase: 'failed', error });
      }
    },
    [onResult],
  );
  return { state, run, source };
}
