/**
 * The GitHub REST operations the harness serves: the fake implements each one and
 * Prism validates each one against GitHub's own OpenAPI description.
 * Paths are written exactly as in GitHub's description, so they double as keys into it.
 */
export interface GitHubOperation {
  /** Octokit's name for the operation (`operationId` in GitHub's description). */
  readonly id: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  readonly path: string;
}

/** Every operation the fake answers, in the order the fake matches them. */
export const harnessOperations: readonly GitHubOperation[] = [
  { id: 'pulls/get', method: 'GET', path: '/repos/{owner}/{repo}/pulls/{pull_number}' },
  { id: 'pulls/list-files', method: 'GET', path: '/repos/{owner}/{repo}/pulls/{pull_number}/files' },
  { id: 'pulls/list-commits', method: 'GET', path: '/repos/{owner}/{repo}/pulls/{pull_number}/commits' },
  { id: 'pulls/list-reviews', method: 'GET', path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews' },
  { id: 'pulls/create-review', method: 'POST', path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews' },
  {
    id: 'pulls/list-review-comments',
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/comments',
  },
  {
    id: 'pulls/delete-review-comment',
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/pulls/comments/{comment_id}',
  },
  { id: 'issues/get', method: 'GET', path: '/repos/{owner}/{repo}/issues/{issue_number}' },
  { id: 'issues/list-comments', method: 'GET', path: '/repos/{owner}/{repo}/issues/{issue_number}/comments' },
  {
    id: 'issues/create-comment',
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
  },
  { id: 'issues/get-comment', method: 'GET', path: '/repos/{owner}/{repo}/issues/comments/{comment_id}' },
  {
    id: 'issues/update-comment',
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
  },
  {
    id: 'issues/delete-comment',
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
  },
  {
    id: 'reactions/create-for-issue-comment',
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions',
  },
  { id: 'issues/get-label', method: 'GET', path: '/repos/{owner}/{repo}/labels/{name}' },
  { id: 'issues/create-label', method: 'POST', path: '/repos/{owner}/{repo}/labels' },
  {
    id: 'issues/list-labels-on-issue',
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
  },
  { id: 'issues/add-labels', method: 'POST', path: '/repos/{owner}/{repo}/issues/{issue_number}/labels' },
  {
    id: 'issues/remove-label',
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
  },
  {
    id: 'repos/get-collaborator-permission-level',
    method: 'GET',
    path: '/repos/{owner}/{repo}/collaborators/{username}/permission',
  },
  { id: 'repos/get-content', method: 'GET', path: '/repos/{owner}/{repo}/contents/{path}' },
  {
    id: 'dependency-graph/diff-range',
    method: 'GET',
    path: '/repos/{owner}/{repo}/dependency-graph/compare/{basehead}',
  },
  { id: 'security-advisories/get-global-advisory', method: 'GET', path: '/advisories/{ghsa_id}' },
  { id: 'checks/create', method: 'POST', path: '/repos/{owner}/{repo}/check-runs' },
  { id: 'checks/update', method: 'PATCH', path: '/repos/{owner}/{repo}/check-runs/{check_run_id}' },
];

/** Webhook payloads (keys of GitHub's `x-webhooks`) Prism checks for the payload builders. */
export const harnessWebhooks: readonly string[] = [
  'pull-request-opened',
  'pull-request-synchronize',
  'pull-request-reopened',
  'pull-request-ready-for-review',
  'pull-request-labeled',
  'issue-comment-created',
  'push',
  'workflow-dispatch',
];
