import { useCallback, useReducer, useRef, useState } from 'react';
import type { LookupResult } from '../../lib/contract';
import { services } from '../../lib/db/services';
import { lookupReducer } from '../../lib/report/lookup-progress';
import type { LookupSource } from '../../lib/report/lookup-runner';
import { IS_TEST_BUILD } from '../../lib/report/test-build';

/**
 * Runs the lookup in the mode chosen in the options (backend or this page itself); lib/report/lookup-progress folds
 * its steps into what the page shows, and `source` says which mode answered and what it could not do.
 */
export function useLookup(onResult: (r: LookupResult) => void) {
  const [state, dispatch] = useReducer(lookupReducer, { phase: 'idle' });
  const [source, setSource] = useState<LookupSource | null>(null);
  const running = useRef<AbortController | null>(null);

  const run = useCallback(
    async (url: string, headers?: Record<string, string>) => {
      running.current?.abort();
      const ctrl = new AbortController();
      running.current = ctrl;
      dispatch({ type: 'start' });
      setSource(null);
      try {
        const env = { fetch: fetch.bind(globalThis), pageOrigin: location.origin, testBuild: IS_TEST_BUILD };
        const { result, source: answered } = await services().lookup.url(
          env,
          { url, headers },
          {
            signal: ctrl.signal,
            onStep: (e) =>
              dispatch({
                type: 'step',
                step: e.step,
                status: e.status === 'start' ? 'start' : e.status === 'error' ? 'error' : 'done',
              }),
          },
        );
        // A newer run replaced this one (the browser lookup cannot be interrupted half-way).
        if (ctrl.signal.aborted) return;
        setSource(answered);
        dispatch({ type: 'done', result });
        onResult(result);
      } catch (error) {
        if (!ctrl.signal.aborted) dispatch({ type: 'failed', error });
      }
    },
    [onResult],
  );
  return { state, run, source };
}
