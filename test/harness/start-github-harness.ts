import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from './fake-github.js';
import { startPrismProxy } from './prism.js';
import type { Violation } from './recording-proxy.js';
import { webhookPath } from './openapi-subset.js';

/** Fake GitHub behind Prism behind a recorder: point Octokit (or the action) at `apiUrl`. */
export interface GitHubHarness {
  /** Use as Octokit's `baseUrl` or the action's `GITHUB_API_URL`. */
  apiUrl: string;
  fake: FakeGitHub;
  /**
   * Violations of GitHub's description, except a 404 to a repeated DELETE (GitHub sends it; its
   * description omits it) and the one kind a test causes on purpose:
   * the warning that an injected fault's status (e.g. 403 on `checks/create`) is not listed
   * for the operation. GitHub does send such statuses; its description just omits them.
   */
  violations(): Violation[];
  /** Everything Prism flagged, injected faults included. */
  allViolations(): Violation[];
  /** Forgets the violations seen so far, for tests that share one harness. */
  clearViolations(): void;
  /**
   * Checks an event payload against GitHub's webhook schema (`key` as in `x-webhooks`, e.g.
   * `pull-request-opened`, `issue-comment-created`, `push`, `workflow-dispatch`) and returns
   * what Prism found. These checks are left out of `violations()`.
   */
  checkWebhookPayload(key: string, payload: unknown): Promise<Violation[]>;
  /** Prism's log, to print when a test fails. */
  prismLog(): string[];
  stop(): Promise<void>;
}

const UNDOCUMENTED_STATUS = 'Unable to match the returned status code';

/** Starts the fake, Prism (proxy mode, `--errors`) and the recorder. Call `stop()` in `afterAll`. */
export async function startGitHubHarness(
  options: FakeGitHubOptions & { readyTimeoutMs?: number } = {},
): Promise<GitHubHarness> {
  const fake = await startFakeGitHub(options);
  let prism;
  try {
    prism = await startPrismProxy({
      upstreamUrl: fake.url,
      ...(options.readyTimeoutMs ? { readyTimeoutMs: options.readyTimeoutMs } : {}),
    });
  } catch (error) {
    await fake.stop();
    throw error;
  }
  fake.setPublicUrl(prism.url);
  const injected = (violation: Violation): boolean =>
    violation.message.startsWith(UNDOCUMENTED_STATUS) &&
    fake
      .requests()
      .some((request) => request.harnessRequestId === violation.requestId && request.injectedFault);
  const webhookCheck = (violation: Violation): boolean => violation.url.startsWith(webhookPath(''));
  // GitHub answers 404 to deleting what is already gone (a comment another run deleted first), as it
  // does for any missing resource; its description lists only 204 for the delete operations.
  const deletedTwice = (violation: Violation): boolean =>
    violation.method === 'DELETE' &&
    violation.status === 404 &&
    violation.message.startsWith(UNDOCUMENTED_STATUS);
  return {
    apiUrl: prism.url,
    fake,
    violations: () =>
      prism
        .violations()
        .filter((violation) => !injected(violation) && !webhookCheck(violation) && !deletedTwice(violation)),
    async checkWebhookPayload(key, payload) {
      const before = prism.violations().length;
      const response = await fetch(`${prism.url}${webhookPath(key)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      });
      await response.arrayBuffer();
      return prism
        .violations()
        .slice(before)
        .filter((violation) => violation.url === webhookPath(key));
    },
    allViolations: () => prism.violations(),
    clearViolations: () => prism.clearViolations(),
    prismLog: () => prism.log(),
    async stop() {
      await prism.stop();
      await fake.stop();
    },
  };
}
