/**
 * Loads a list a page at a time (the popup over tens of thousands of notices): one request in
 * flight, stops after a short page, and never loads a page twice.
 */
export interface Pager<T> {
  readonly rows: readonly T[];
  readonly done: boolean;
  readonly loading: boolean;
  readonly error: unknown;
  loadMore(): Promise<void>;
}

export function createPager<T>(
  fetchPage: (offset: number, limit: number) => Promise<T[]>,
  pageSize: number,
  onChange: () => void = () => {},
): Pager<T> {
  let rows: T[] = [];
  let done = false;
  let error: unknown = null;
  let inFlight: Promise<void> | null = null;
  return {
    get rows() {
      return rows;
    },
    get done() {
      return done;
    },
    get loading() {
      return inFlight !== null;
    },
    get error() {
      return error;
    },
    loadMore() {
      if (done || error) return inFlight ?? Promise.resolve();
      inFlight ??= (async () => {
        try {
          const page = await fetchPage(rows.length, pageSize);
          rows = [...rows, ...page];
          done = page.length < pageSize;
        } catch (err) {
          error = err;
        } finally {
          inFlight = null;
          onChange();
        }
      })();
      onChange();
      return inFlight;
    },
  };
}
