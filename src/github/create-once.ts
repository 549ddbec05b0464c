import { isAmbiguousFailure } from './describe-github-failure.js';

/** How a create that must not happen twice is tried. */
export interface CreateOnceOptions<T> {
  create: () => Promise<T>;
  /** Looks for what an earlier attempt may have created; undefined when it is not there. */
  find: () => Promise<T | undefined>;
  /** Attempts in all, the first included. */
  attempts: number;
  /** Waits before the re-read after failed attempt `n` (1-based): GitHub may need a moment to list it. */
  wait: (attempt: number) => Promise<void>;
}

/**
 * Runs a non-idempotent create (a comment, a review) at most once in effect. A failure that
 * leaves open whether GitHub stored it (5xx, timeout, dropped connection) is followed by a
 * re-read; only when the re-read shows nothing is the create tried again. Any other failure,
 * or the last ambiguous one, goes to the caller.
 */
export async function createOnce<T>(options: CreateOnceOptions<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await options.create();
    } catch (error) {
      if (!isAmbiguousFailure(error) || attempt >= options.attempts) throw error;
      await options.wait(attempt);
      const found = await options.find();
      if (found !== undefined) return found;
    }
  }
}
