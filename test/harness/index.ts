/**
 * The end-to-end harness: a stateful fake GitHub REST API behind Prism (validating every
 * request and response against GitHub's own OpenAPI description), real webhook payloads,
 * and a runner that starts `dist/index.js` as GitHub's runner would. See README.md.
 */
export { startGitHubHarness, type GitHubHarness } from './start-github-harness.js';
export {
  startFakeGitHub,
  type FakeGitHub,
  type FakeGitHubOptions,
  type InjectedFault,
  type RecordedRequest,
} from './fake-github.js';
export type { FakeGitHubSeeder } from './fake-github-seeder.js';
export type * from './fake-github-state.js';
export { DEFAULT_OWNER, DEFAULT_REPO } from './fake-github-state.js';
export { fakeSha, generatedCommits, generatedFiles, type PullRequestSeed } from './fake-github-seed.js';
export { startPrismProxy, type PrismProxy, type PrismProxyOptions } from './prism.js';
export type { Violation } from './recording-proxy.js';
export {
  issueCommentPayload,
  pullRequestPayload,
  pullRequestTarget,
  pushPayload,
  workflowDispatchPayload,
  type IssueCommentPayloadOptions,
  type PullRequestAction,
  type PullRequestPayloadOptions,
  type PullRequestTarget,
} from './payloads.js';
export { runAction, type ActionRun, type RunActionOptions } from './run-action.js';
export type { Annotation } from './runner-files.js';
export { harnessOperations, harnessWebhooks, type GitHubOperation } from './github-operations.js';
