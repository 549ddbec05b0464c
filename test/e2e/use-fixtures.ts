import { afterAll, beforeAll, beforeEach } from 'vitest';
import {
  pullRequestPayload,
  pullRequestTarget,
  runAction,
  startGitHubHarness,
  type ActionRun,
  type GitHubHarness,
  type PullRequestAction,
} from '../harness/index.js';
import { startFakeMessagesServer, type FakeMessagesServer } from '../llm/fake-messages-server.js';
import { makeCheckout, type Checkout, type CheckoutOptions } from './checkout.js';

/**
 * One GitHub harness for the test file (fake + Prism, started once) and a fresh repository
 * state and violation log before every test. Read `.harness` inside tests and hooks.
 */
export function useGitHubHarness(): { readonly harness: GitHubHarness } {
  let harness: GitHubHarness | undefined;
  beforeAll(async () => {
    harness = await startGitHubHarness();
  });
  afterAll(async () => {
    await harness?.stop();
  });
  beforeEach(() => {
    harness?.fake.reset();
    harness?.clearViolations();
  });
  return {
    get harness() {
      if (!harness) throw new Error('The GitHub harness is not started yet: use it inside a test or hook.');
      return harness;
    },
  };
}

/**
 * One local Messages API stand-in for the test file (the real SDK in dist/ talks to it through
 * `ANTHROPIC_BASE_URL`), with its script and recorded requests cleared before every test.
 */
export function useFakeMessagesServer(): { readonly server: FakeMessagesServer } {
  let server: FakeMessagesServer | undefined;
  beforeAll(async () => {
    server = await startFakeMessagesServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => server?.reset());
  return {
    get server() {
      if (!server) throw new Error('The Messages stand-in is not started yet: use it inside a test or hook.');
      return server;
    },
  };
}

/** A checkout of a fixture under test/fixtures/e2e, made once for the test file. */
export function useCheckout(fixture: string, options: CheckoutOptions = {}): { readonly checkout: Checkout } {
  let checkout: Checkout | undefined;
  beforeAll(() => {
    checkout = makeCheckout(fixture, options);
  });
  afterAll(() => checkout?.remove());
  return {
    get checkout() {
      if (!checkout)
        throw new Error(`The ${fixture} checkout is not made yet: use it inside a test or hook.`);
      return checkout;
    },
  };
}

/** Runs `dist/index.js` on a `pull_request` event for a PR seeded in the fake. */
export function runOnPullRequest(
  harness: GitHubHarness,
  prNumber: number,
  options: {
    action?: PullRequestAction;
    /** For `labeled`: the label just added. */
    label?: string;
    inputs?: Record<string, string>;
    cwd?: string;
    env?: Record<string, string>;
    /** Keep the runner's directory (to read the `report` file); the test deletes it. */
    keepRunnerFiles?: boolean;
  } = {},
): Promise<ActionRun> {
  return runAction({
    event: 'pull_request',
    payload: pullRequestPayload(options.action ?? 'opened', {
      ...pullRequestTarget(harness.fake.state, prNumber),
      ...(options.label ? { label: options.label } : {}),
    }),
    inputs: options.inputs ?? { validate: 'none' },
    apiUrl: harness.apiUrl,
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.env ? { env: options.env } : {}),
    ...(options.keepRunnerFiles ? { keepRunnerFiles: true } : {}),
  });
}
