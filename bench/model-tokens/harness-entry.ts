// What the model-token benchmark needs from the test harness, in one module for esbuild to bundle.
export { startFakeGitHub } from '../../test/harness/fake-github.js';
export { pullRequestPayload, pullRequestTarget } from '../../test/harness/pull-request-payload.js';
export { runAction } from '../../test/harness/run-action.js';
export { makeCheckoutFrom } from '../../test/e2e/checkout.js';
export { startFakeMessagesServer } from '../../test/llm/fake-messages-server.js';
