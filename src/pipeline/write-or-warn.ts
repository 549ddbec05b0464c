import { GitHubCallError, SkippedCallError } from '../github/gateway.js';
import type { RunLog } from './run-log.js';

/** Failures already warned about; a call skipped because of one of them adds nothing new. */
const warned = new WeakSet<GitHubCallError>();

/**
 * Runs a step that talks to GitHub. A call that finally fails (a missing permission on a fork's
 * read-only token, a rate limit, an outage) becomes one warning naming the call and what to do,
 * and the run goes on: everything it found is already in the job summary and the `report` file.
 * A call skipped because an earlier one failed for good (`SkippedCallError`) warns about that
 * earlier failure, once: it may have happened where only a log line was due (the "in progress"
 * comment), and it is what the user has to act on.
 */
export async function writeOrWarn<T>(log: RunLog, write: () => Promise<T>): Promise<T | undefined> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof GitHubCallError)) throw error;
    const cause = error instanceof SkippedCallError ? error.earlier : error;
    if (warned.has(cause)) log.info(error.message);
    else log.warning(`${cause.message} The results are in the job summary.`);
    warned.add(cause);
    return undefined;
  }
}
