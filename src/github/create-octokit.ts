import { Octokit } from '@octokit/rest';
import type { Octokit as CoreOctokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

/** A request that has not been answered after this long is abandoned (and may be retried). */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * POSTs that are safe to repeat: adding labels or a reaction twice changes nothing, and creating
 * a label that exists answers 422, which the gateway takes as done. Any other POST creates
 * something (a comment, a review): the retry plugin would repeat it on a 5xx that GitHub or a
 * proxy sent after storing it, and post it twice. The gateway retries those itself, after
 * checking whether the first attempt went through.
 */
const REPEATABLE_POSTS = new Set([
  '/repos/{owner}/{repo}/issues/{issue_number}/labels',
  '/repos/{owner}/{repo}/labels',
  '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions',
]);

/**
 * Gives every attempt its own deadline. Registered before the retry plugin, so it wraps each
 * attempt rather than all of them; a timed-out GET is retried, a timed-out create is not.
 */
function requestTimeout(octokit: CoreOctokit): void {
  octokit.hook.wrap('request', (request, options) =>
    request({ ...options, request: { ...options.request, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) } }),
  );
}

const ThrottledOctokit = Octokit.plugin(requestTimeout, retry, throttling);
export type GitHubClient = InstanceType<typeof ThrottledOctokit>;

export interface OctokitOptions {
  token: string;
  /** `GITHUB_API_URL` on the runner (GitHub Enterprise Server has its own). */
  baseUrl: string;
  /** `info` says when a rate limit makes a call wait; a call that finally fails is the caller's warning. */
  log: { info(message: string): void; debug(message: string): void };
}

/** The one place Octokit is configured: retries for transient errors, and GitHub's rate-limit guidance. */
export function createOctokit({ token, baseUrl, log }: OctokitOptions): GitHubClient {
  const octokit = new ThrottledOctokit({
    auth: token,
    baseUrl,
    userAgent: 'backend-developer-action',
    // Octokit logs every 4xx as an error, including the 404s we expect (no config file, no label yet).
    // Failures that matter reach the caller as exceptions; the rest belongs in the debug log.
    log: { debug: log.debug, info: log.debug, warn: log.debug, error: log.debug },
    retry: { retries: 3, doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
    throttle: {
      // Retry primary and secondary rate limits a couple of times, then give up with the error.
      // A rate-limited request was not carried out, so repeating a create here is safe.
      onRateLimit: (retryAfter, options, _octokit, retryCount) => {
        log.info(`GitHub rate limit hit on ${options.method} ${options.url}; retrying in ${retryAfter}s.`);
        return retryCount < 2;
      },
      onSecondaryRateLimit: (retryAfter, options, _octokit, retryCount) => {
        log.info(
          `GitHub secondary rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s.`,
        );
        return retryCount < 2;
      },
    },
  });
  // Registered last, so it runs before the retry plugin reads `request.retries`.
  octokit.hook.before('request', (options) => {
    if (options.method === 'POST' && !REPEATABLE_POSTS.has(options.url))
      options.request = { ...options.request, retries: 0 };
  });
  return octokit;
}
