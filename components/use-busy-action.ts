import { useState } from 'react';

/**
 * One user action at a time: saves pending edits first (when the page has any), shows the action as busy, and keeps
 * its failure for the page to explain.
 */
export function useBusyAction(beforeEach: () => Promise<void> = async () => {}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    setBusy(true);
    try {
      await beforeEach();
      await fn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, act };
}
