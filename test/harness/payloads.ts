/**
 * Event payloads for running the action: real examples from `@octokit/webhooks-examples`,
 * pointed at the fake's repository and seeded pull request.
 */
import { fakeSha } from './fake-github-seed.js';
import { DEFAULT_OWNER, DEFAULT_REPO } from './fake-github-state.js';
import type { JsonObject } from './github-examples.js';
import { retargetRepository, webhookExample, type RepositoryTarget } from './webhook-examples.js';

export { issueCommentPayload, type IssueCommentPayloadOptions } from './issue-comment-payload.js';
export {
  pullRequestPayload,
  pullRequestTarget,
  type PullRequestAction,
  type PullRequestPayloadOptions,
  type PullRequestTarget,
} from './pull-request-payload.js';

/** A real `push` payload for a branch push (the first example pushes a tag). */
export function pushPayload(
  options: Partial<RepositoryTarget> & { ref?: string; before?: string; after?: string } = {},
): JsonObject {
  const target = { owner: options.owner ?? DEFAULT_OWNER, repo: options.repo ?? DEFAULT_REPO };
  const payload = retargetRepository(webhookExample('push'), target);
  const ref = options.ref ?? 'refs/heads/main';
  const after = options.after ?? fakeSha(`push-${ref}`);
  return { ...payload, ref, base_ref: null, before: options.before ?? fakeSha(`before-${after}`), after };
}

/**
 * A real `workflow_dispatch` payload with `inputs` (e.g. `{ 'pr-number': '1' }`). The second
 * example's repository lacks `disabled`, which the schema requires; the first is used.
 */
export function workflowDispatchPayload(
  inputs: Record<string, string | number | boolean> = {},
  options: Partial<RepositoryTarget> & { ref?: string; workflow?: string } = {},
): JsonObject {
  const target = { owner: options.owner ?? DEFAULT_OWNER, repo: options.repo ?? DEFAULT_REPO };
  const payload = retargetRepository(webhookExample('workflow_dispatch', undefined, 0), target);
  return {
    ...payload,
    inputs,
    ref: options.ref ?? 'refs/heads/main',
    workflow: options.workflow ?? '.github/workflows/backend-developer.yml',
  };
}
