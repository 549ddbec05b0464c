import { GitHubCallError, MissingPermissionError } from './github-call-error.js';

interface OctokitFailure {
  status?: number;
  message?: string;
  request?: { method?: string; url?: string };
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

function asFailure(error: unknown): OctokitFailure {
  return typeof error === 'object' && error !== null ? (error as OctokitFailure) : {};
}

/** The HTTP status of an Octokit error, if it is one. */
export function statusOf(error: unknown): number | undefined {
  const status = asFailure(error).status;
  return typeof status === 'number' ? status : undefined;
}

/** `POST /repos/o/r/issues/7/comments`: the request without host or query string. */
function requestOf(failure: OctokitFailure): string | undefined {
  const { method, url } = failure.request ?? {};
  if (!method || !url) return undefined;
  try {
    return `${method} ${new URL(url).pathname}`;
  } catch {
    return `${method} ${url.split('?')[0]}`;
  }
}

/** GitHub's own words for a refusal, first line only (a 422 names the field and the problem). */
function githubMessage(failure: OctokitFailure): string {
  const data = failure.response?.data as { message?: unknown; errors?: { message?: unknown }[] } | undefined;
  const details = (data?.errors ?? [])
    .map((e) => e.message)
    .filter((m): m is string => typeof m === 'string');
  const message = typeof data?.message === 'string' ? data.message : (failure.message ?? '');
  return [message, ...details].join(': ').split('\n')[0]?.slice(0, 300) ?? '';
}

function isRateLimit(failure: OctokitFailure): 'secondary' | 'primary' | undefined {
  const text = `${failure.message ?? ''} ${githubMessage(failure)}`;
  if (/secondary rate limit/i.test(text)) return 'secondary';
  const remaining = failure.response?.headers?.['x-ratelimit-remaining'];
  if (failure.status === 429 || (failure.status === 403 && String(remaining) === '0')) return 'primary';
  return undefined;
}

function reasonFor(failure: OctokitFailure): string {
  const status = failure.status;
  const limit = isRateLimit(failure);
  if (limit === 'secondary')
    return "GitHub's secondary rate limit stopped it after retries (too many writes in a short time); the next run will catch up.";
  if (limit === 'primary')
    return "GitHub's API rate limit for this token is used up; it resets within the hour.";
  // Octokit reports a dropped connection or a timeout as status 500 without a response.
  if (!failure.response)
    return `GitHub did not answer, after retries (${(failure.message ?? 'no response').split('\n')[0]?.slice(0, 200)}).`;
  if (status === undefined || status >= 500)
    return `GitHub did not answer it successfully after retries (HTTP ${status ?? 'error'}).`;
  return `GitHub answered HTTP ${status}: ${githubMessage(failure) || 'no details'}.`;
}

/** True when GitHub refused a call for a rate limit, not for what was asked. */
export function isRateLimited(error: unknown): boolean {
  return isRateLimit(asFailure(error)) !== undefined;
}

/**
 * Turns whatever a GitHub call threw into one `GitHubCallError` that names the call and what to
 * do: a 403 that is not a rate limit becomes the permission to grant (`permission`, for writes).
 */
export function describeGitHubFailure(
  operation: string,
  permission: string | undefined,
  error: unknown,
): GitHubCallError {
  if (error instanceof GitHubCallError) return error;
  const failure = asFailure(error);
  const request = requestOf(failure);
  if (failure.status === 403 && permission && !isRateLimit(failure))
    return new MissingPermissionError(operation, permission, request);
  return new GitHubCallError(operation, request, reasonFor(failure), failure.status, isRateLimit(failure));
}

/** True for a failure that leaves open whether GitHub carried the request out: 5xx, a timeout, a dropped connection. */
export function isAmbiguousFailure(error: unknown): boolean {
  const status = statusOf(error);
  return status === undefined || status >= 500;
}
