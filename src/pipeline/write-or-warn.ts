import { MissingPermissionError } from '../github/gateway.js';
import type { RunLog } from './run-log.js';

/**
 * Runs a GitHub write; a missing permission (fork PRs have a read-only token) becomes a
 * warning that says what to grant, and the run goes on: the report is still in the summary.
 */
export async function writeOrWarn<T>(log: RunLog, write: () => Promise<T>): Promise<T | undefined> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof MissingPermissionError) {
      log.warning(`${error.message} The report is in the job summary.`);
      return undefined;
    }
    throw error;
  }
}
