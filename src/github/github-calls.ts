import { describeGitHubFailure } from './describe-github-failure.js';
import { MissingPermissionError, SkippedCallError, type GitHubCallError } from './github-call-error.js';

/**
 * Runs the gateway's GitHub calls for one run and remembers failures that last. A token without
 * `pull-requests: write` (a fork's pull request) refuses the review and every comment alike, and
 * a rate limit that outlasted the retries stops the next writes too: once one call has failed
 * that way, the calls it would fail are not made (each would cost a request, retries included,
 * and a warning saying the same thing) but fail at once with a `SkippedCallError`.
 */
export class GitHubCalls {
  private readonly refused = new Map<string, GitHubCallError>();
  private stopsWrites: GitHubCallError | undefined;
  private stopsAll: GitHubCallError | undefined;

  /**
   * Runs `call`; whatever finally fails becomes one `GitHubCallError` naming the call and, for a
   * refused write, `permission`, the permission to grant. `permission` is absent for a read.
   */
  async run<T>(operation: string, permission: string | undefined, call: () => Promise<T>): Promise<T> {
    const earlier = this.stopping(permission);
    if (earlier) throw new SkippedCallError(operation, earlier);
    try {
      return await call();
    } catch (error) {
      const failure = describeGitHubFailure(operation, permission, error);
      this.remember(failure);
      throw failure;
    }
  }

  private stopping(permission: string | undefined): GitHubCallError | undefined {
    if (this.stopsAll) return this.stopsAll;
    if (permission === undefined) return undefined;
    return this.refused.get(permission) ?? this.stopsWrites;
  }

  private remember(failure: GitHubCallError): void {
    if (failure instanceof MissingPermissionError) this.refused.set(failure.permission, failure);
    else if (failure.limit === 'primary') this.stopsAll = failure;
    else if (failure.limit === 'secondary') this.stopsWrites = failure;
  }
}
