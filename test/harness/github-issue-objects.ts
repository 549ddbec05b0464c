import {
  githubExample,
  githubTimestamp,
  githubUser,
  rewriteRepository,
  type AccountRef,
  type JsonObject,
} from './github-examples.js';
import type {
  FakeGitHubState,
  PermissionLevel,
  StoredComment,
  StoredIssue,
  StoredPullRequest,
  StoredReaction,
} from './fake-github-state.js';

const API = 'https://api.github.com';

/** A `label` object; a name the repository does not know yet gets GitHub's default grey. */
export function labelObject(state: FakeGitHubState, name: string): JsonObject {
  const stored = state.labels.get(name.toLowerCase());
  return {
    id: stored?.id ?? 1,
    node_id: Buffer.from(`LA_${stored?.id ?? 1}`).toString('base64'),
    url: `${API}/repos/${state.owner}/${state.repo}/labels/${encodeURIComponent(stored?.name ?? name)}`,
    name: stored?.name ?? name,
    description: stored?.description ?? null,
    color: stored?.color ?? 'ededed',
    default: false,
  };
}

/** An `issue` object; for a pull request it carries `pull_request`, as GitHub's issues API does. */
export function issueObject(state: FakeGitHubState, item: StoredIssue | StoredPullRequest): JsonObject {
  const repo = `${state.owner}/${state.repo}`;
  const example = rewriteRepository(githubExample('issue'), state.owner, state.repo);
  const text = JSON.stringify(example).replace(/\/(pulls|pull|issues)\/1347/g, `/$1/${item.number}`);
  const issue = JSON.parse(text) as JsonObject;
  const isPullRequest = 'headSha' in item;
  const result: JsonObject = {
    ...issue,
    id: item.number + 700_000_000,
    node_id: Buffer.from(`I_${item.number}`).toString('base64'),
    number: item.number,
    html_url: `https://github.com/${repo}/${isPullRequest ? 'pull' : 'issues'}/${item.number}`,
    state: item.state,
    state_reason: null,
    title: item.title,
    body: item.body,
    user: githubUser(item.user),
    labels: item.labels.map((name) => labelObject(state, name)),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: state.comments.filter((comment) => comment.issueNumber === item.number).length,
    closed_at: null,
    closed_by: null,
    created_at: githubTimestamp(item.createdAt),
    updated_at: githubTimestamp(item.updatedAt),
    author_association: 'CONTRIBUTOR',
  };
  if (isPullRequest) {
    result.pull_request = { ...(issue.pull_request as JsonObject), merged_at: null };
    result.draft = item.draft;
  } else {
    delete result.pull_request;
  }
  return result;
}

/** Counts of each reaction, as GitHub's `reaction-rollup`. */
function reactionRollup(url: string, reactions: StoredReaction[]): JsonObject {
  const count = (content: string): number =>
    reactions.filter((reaction) => reaction.content === content).length;
  return {
    url: `${url}/reactions`,
    total_count: reactions.length,
    '+1': count('+1'),
    '-1': count('-1'),
    laugh: count('laugh'),
    confused: count('confused'),
    heart: count('heart'),
    hooray: count('hooray'),
    eyes: count('eyes'),
    rocket: count('rocket'),
  };
}

/** An `issue-comment` object; `html_url` points at the PR or issue page, as on github.com. */
export function commentObject(state: FakeGitHubState, comment: StoredComment): JsonObject {
  const repo = `${state.owner}/${state.repo}`;
  const page = state.pullRequests.has(comment.issueNumber) ? 'pull' : 'issues';
  const url = `${API}/repos/${repo}/issues/comments/${comment.id}`;
  return {
    ...githubExample('issue-comment'),
    id: comment.id,
    node_id: Buffer.from(`IC_${comment.id}`).toString('base64'),
    url,
    html_url: `https://github.com/${repo}/${page}/${comment.issueNumber}#issuecomment-${comment.id}`,
    body: comment.body,
    user: githubUser(comment.user),
    created_at: githubTimestamp(comment.createdAt),
    updated_at: githubTimestamp(comment.updatedAt),
    issue_url: `${API}/repos/${repo}/issues/${comment.issueNumber}`,
    author_association:
      comment.user.type === 'Bot' || comment.user.login.endsWith('[bot]') ? 'NONE' : 'CONTRIBUTOR',
    performed_via_github_app: null,
    reactions: reactionRollup(url, comment.reactions),
  };
}

/** A `reaction` object. */
export function reactionObject(reaction: StoredReaction): JsonObject {
  return {
    ...githubExample('reaction'),
    id: reaction.id,
    node_id: Buffer.from(`REA_${reaction.id}`).toString('base64'),
    user: githubUser(reaction.user),
    content: reaction.content,
    created_at: githubTimestamp(reaction.createdAt),
  };
}

/**
 * A `repository-collaborator-permission` object. `permission` folds `maintain` into `write`
 * and `triage` into `read` (GitHub keeps it for old clients); `role_name` and
 * `user.permissions` keep the real level.
 */
export function permissionObject(account: AccountRef, level: PermissionLevel): JsonObject {
  const folded: Record<PermissionLevel, string> = {
    admin: 'admin',
    maintain: 'write',
    write: 'write',
    triage: 'read',
    read: 'read',
    none: 'none',
  };
  const rank = ['none', 'read', 'triage', 'write', 'maintain', 'admin'].indexOf(level);
  const example = githubExample('repository-collaborator-permission-response-if-user-has-admin-permissions');
  return {
    ...example,
    permission: folded[level],
    role_name: level,
    // GitHub's example user lacks `role_name`, which the `nullable-collaborator` schema requires.
    user: {
      ...githubUser(account),
      permissions: {
        pull: rank >= 1,
        triage: rank >= 2,
        push: rank >= 3,
        maintain: rank >= 4,
        admin: rank >= 5,
      },
      role_name: level,
    },
  };
}
