// What the overhead benchmark needs from the test harness, in one module for esbuild to bundle.
export { startFakeGitHub } from '../../test/harness/fake-github.js';
export { pullRequestPayload, pullRequestTarget } from '../../test/harness/pull-request-payload.js';
export { issueCommentPayload } from '../../test/harness/issue-comment-payload.js';
export { runAction } from '../../test/harness/run-action.js';
export { makeCheckoutFrom as makeCheckout, checkOutMergeCommit } from '../../test/e2e/checkout.js';
