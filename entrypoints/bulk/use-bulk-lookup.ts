import { useCallback, useEffect, useRef, useState } from 'react';
import { pendingHosts, runLookups } from '../../lib/bulk/plan';
import { services } from '../../lib/db/services';
import type { AnsweredBy } from '../../lib/report/lookup-mode';
import { IS_TEST_BUILD } from '../../lib/report/test-build';
import { bulkStore } from './services';

/**
 * Runs the batch lookup of one bulk report. Each finished chunk is stored before the next
 * request, so closing the tab or a backend restart loses nothing: resume asks only for the rest.
 * The mode chosen in the options decides who looks up (the backend, or this page); `answeredBy` says which.
 */
export function useBulkLookup(batchId: string) {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [answeredBy, setAnsweredBy] = useState<AnsweredBy | null>(null);
  const ctl = useRef<AbortController | null>(null);
  useEffect(() => () => ctl.current?.abort(), []);

  const start = useCallback(
    async (opts: { retryFailed?: boolean } = {}) => {
      if (ctl.current) return;
      const abort = new AbortController();
      ctl.current = abort;
      setRunning(true);
      setError(null);
      try {
        const mode = await services().lookup.batch({
          fetch: fetch.bind(globalThis),
          pageOrigin: location.origin,
          testBuild: IS_TEST_BUILD,
        });
        setAnsweredBy(mode.answeredBy);
        // Stored as interrupted until the run ends, so a tab closed mid-run reopens as "resume".
        const batch = await bulkStore.update(batchId, (s) => ({ ...s, lookup: 'interrupted', lastError: undefined }));
        const end = await runLookups({
          pending: pendingHosts(batch.state.urls, batch.state.outcomes, opts),
          lookup: mode.batch,
          onChunk: async (outcomes) => void (await bulkStore.saveOutcomes(batchId, outcomes)),
          signal: abort.signal,
        });
        if (end.status === 'interrupted') setError(end.error);
        await bulkStore.update(batchId, (s) => ({
          ...s,
          lookup: end.status,
          lastError:
            end.status === 'interrupted'
              ? String(end.error instanceof Error ? end.error.message : end.error).slice(0, 2000)
              : undefined,
        }));
      } catch (err) {
        setError(err);
      } finally {
        ctl.current = null;
        setRunning(false);
      }
    },
    [batchId],
  );

  const cancel = useCallback(() => ctl.current?.abort(), []);
  return { running, error, start, cancel, answeredBy };
}
