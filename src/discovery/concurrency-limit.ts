/** Runs at most `max` of the tasks given to it at once; the others wait their turn. */
export type ConcurrencyLimit = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * Bounds parallel file-system work: enough in flight to keep libuv's thread pool busy,
 * few enough that a repository of 100,000 files does not open them all at once.
 */
export function createConcurrencyLimit(max: number): ConcurrencyLimit {
  let active = 0;
  const waiting: Array<() => void> = [];
  // A finished task hands its slot straight to the next waiter, so `active` never overshoots.
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
