import { GitHubCallError } from '../github/gateway.js';
import type { RunLog } from './run-log.js';

/**
 * Runs a step that talks to GitHub. A call that finally fails (a missing permission on a fork's
 * read-only token, a rate limit, an outage) becomes one warning naming the call and what to do,
 * and the run goes on: everything it found is already in the job summary and the `report` file.
 */
export async function writeOrWarn<T>(log: RunLog, write: () => Promise<T>): Promise<T | undefined> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof GitHubCallError) {
      log.warning(`${error.message} The results are in the job summary.`);
      return undefined;
    }
    throw error;
  }
}
