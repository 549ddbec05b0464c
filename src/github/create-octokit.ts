import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

const ThrottledOctokit = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof ThrottledOctokit>;

export interface OctokitOptions {
  token: string;
  /** `GITHUB_API_URL` on the runner (GitHub Enterprise Server has its own). */
  baseUrl: string;
  log: { warning(message: string): void; debug(message: string): void };
}

/** The one place Octokit is configured: retries for transient errors, and GitHub's rate-limit guidance. */
export function createOctokit({ token, baseUrl, log }: OctokitOptions): GitHubClient {
  return new ThrottledOctokit({
    auth: token,
    baseUrl,
    userAgent: 'backend-developer-action',
    // Octokit logs every 4xx as an error, including the 404s we expect (no config file, no label yet).
    // Failures that matter reach the caller as exceptions; the rest belongs in the debug log.
    log: { debug: log.debug, info: log.debug, warn: log.debug, error: log.debug },
    retry: { retries: 3, doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
    throttle: {
      // Retry primary and secondary rate limits a couple of times, then give up with the error.
      onRateLimit: (retryAfter, options, _octokit, retryCount) => {
        log.warning(`GitHub rate limit hit on ${options.method} ${options.url}; retrying in ${retryAfter}s.`);
        return retryCount < 2;
      },
      onSecondaryRateLimit: (retryAfter, options, _octokit, retryCount) => {
        log.warning(
          `GitHub secondary rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s.`,
        );
        return retryCount < 2;
      },
    },
  });
}
