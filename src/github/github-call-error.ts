/**
 * A GitHub call that finally failed, after the client's own retries. The message names the call
 * (what it was for, and the HTTP request) and what to do about it: the permission to grant, or
 * the limit that was hit, so one warning is enough for a user to act.
 */
export class GitHubCallError extends Error {
  override name = 'GitHubCallError';
  constructor(
    /** What the call was for, e.g. "post a pull request comment". */
    readonly operation: string,
    /** The request, e.g. `POST /repos/o/r/issues/7/comments`, when known. */
    readonly request: string | undefined,
    /** Why it failed and what to do, one sentence. */
    readonly reason: string,
    readonly status: number | undefined,
    /** The rate limit that stopped it, if one did. */
    readonly limit?: 'primary' | 'secondary',
  ) {
    super(`Could not ${operation}${request ? ` (\`${request}\`)` : ''}: ${reason}`);
  }

  /**
   * True when the same call, or any write, would fail the same way for the rest of the run: a
   * refused permission or a rate limit. A 5xx or a dropped connection may pass on the next call.
   */
  get lasting(): boolean {
    return this.limit !== undefined;
  }
}

/**
 * GitHub refused a write because the token lacks a permission (fork PRs get a read-only token).
 * `permission` names what to grant in the workflow's `permissions:` block.
 */
export class MissingPermissionError extends GitHubCallError {
  override name = 'MissingPermissionError';
  constructor(
    operation: string,
    readonly permission: string,
    request?: string,
  ) {
    super(
      operation,
      request,
      `GitHub refused it: grant \`${permission}\` in the workflow's \`permissions:\` (fork pull requests only get a read-only token).`,
      403,
    );
  }

  override get lasting(): boolean {
    return true;
  }
}

/**
 * A call not made because an earlier one failed in a way that lasts (see `lasting`): the token
 * lacks its permission, or a rate limit stops the run's writes. The earlier failure was the
 * warning; this one is only worth a line in the log.
 */
export class SkippedCallError extends GitHubCallError {
  override name = 'SkippedCallError';
  constructor(
    operation: string,
    /** The failure that stopped calls like this one. */
    readonly earlier: GitHubCallError,
  ) {
    super(operation, undefined, `not tried, since an earlier call failed: ${earlier.reason}`, undefined);
  }
}
