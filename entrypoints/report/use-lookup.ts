import { useCallback, useReducer, useRef } from 'react';
import { lookupUrl } from '../../lib/backend/client';
import type { LookupResult } from '../../lib/contract';
import { services } from '../../lib/db/services';
import { BackendSettingsSchema } from '../../lib/model/settings';
import { lookupReducer } from '../../lib/report/lookup-progress';

/** Runs the backend lookup; lib/report/lookup-progress folds its streamed steps into what the page shows. */
export function useLookup(onResult: (r: LookupResult) => void) {
  const [state, dispatch] = useReducer(lookupReducer, { phase: 'idle' });
  const running = useRef<AbortController | null>(null);

  const run = useCallback(
    async (url: string, headers?: Record<string, string>) => {
      running.current?.abort();
      const ctrl = new AbortController();
      running.current = ctrl;
      dispatch({ type: 'start' });
      try {
        const settings = (await services().settings.read('backend')).value ?? BackendSettingsSchema.parse({});
        const result = await lookupUrl(settings, fetch.bind(globalThis), { url, headers }, {
          signal: ctrl.signal,
          onStep: (e) => dispatch({ type: 'step', step: e.step, status: e.status === 'start' ? 'start' : e.status === 'error' ? 'error' : 'done' }),
        });
        dispatch({ type: 'done', result });
        onResult(result);
      } catch (error) {
        if (!ctrl.signal.aborted) dispatch({ type: 'failed', error });
      }
    },
    [onResult],
  );
  return { state, run };
}
