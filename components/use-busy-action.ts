import { useState } from 'react';

/**
 * One user action at a time: saves pending edits first (when the page has any), shows the action as busy (and which
 * one, when it is named, so its button can say "Joining…"), and keeps its failure for the page to explain.
 */
export function useBusyAction<Name extends string = string>(beforeEach: () => Promise<void> = async () => {}) {
  const [running, setRunning] = useState<Name | null>(null);
  const [error, setError] = useState<unknown>(null);
  const act = async (fn: () => Promise<unknown>, name?: Name) => {
    setError(null);
    setRunning(name ?? ('' as Name));
    try {
      await beforeEach();
      await fn();
    } catch (err) {
      setError(err);
    } finally {
      setRunning(null);
    }
  };
  return { busy: running !== null, running, error, act };
}
