import { createHash } from 'node:crypto';
import type { AccountRef } from './github-examples.js';
import {
  takeId,
  tick,
  type FakeGitHubState,
  type PermissionLevel,
  type SeededAdvisory,
  type SeededDependencyChange,
  type SeededCommit,
  type SeededFile,
  type StoredComment,
  type StoredIssue,
  type StoredLabel,
  type StoredPullRequest,
} from './fake-github-state.js';

/** A 40-hex commit SHA derived from `text`, so seeds are deterministic. */
export function fakeSha(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** What a test may say about a pull request; everything has a realistic default. */
export type PullRequestSeed = Partial<Omit<StoredPullRequest, 'createdAt' | 'updatedAt'>>;

/** Stores a pull request (an issue too, as on GitHub) and creates its labels. */
export function seedPullRequest(state: FakeGitHubState, seed: PullRequestSeed = {}): StoredPullRequest {
  const number = seed.number ?? 1;
  const now = tick(state);
  const headSha = seed.headSha ?? fakeSha(`head-${number}`);
  const pullRequest: StoredPullRequest = {
    number,
    title: 'Add an endpoint to list orders',
    body: 'Adds `GET /orders` with pagination.',
    state: 'open',
    draft: false,
    merged: false,
    user: { login: 'octo-dev', type: 'User' },
    headRef: `feature/pr-${number}`,
    headRepository: `${state.owner}/${state.repo}`,
    baseSha: fakeSha(`base-${number}`),
    baseRef: state.defaultBranch,
    labels: [],
    files: [],
    commits: [{ sha: headSha, message: seed.title ?? 'Add an endpoint to list orders' }],
    ...seed,
    headSha,
    createdAt: now,
    updatedAt: now,
  };
  for (const label of pullRequest.labels) seedLabel(state, { name: label });
  state.pullRequests.set(number, pullRequest);
  return pullRequest;
}

/**
 * A push to the PR's branch: a new head commit (and files, when given), and a newer `updated_at`,
 * as GitHub records it before it sends the `synchronize` event.
 */
export function pushToPullRequest(
  state: FakeGitHubState,
  number: number,
  push: { headSha: string; files?: SeededFile[]; message?: string },
): StoredPullRequest {
  const pr = state.pullRequests.get(number);
  if (!pr) throw new Error(`The fake has no pull request #${number}; seed it first`);
  pr.headSha = push.headSha;
  if (push.files) pr.files = push.files;
  pr.commits = [...pr.commits, { sha: push.headSha, message: push.message ?? 'Push' }];
  pr.updatedAt = tick(state);
  return pr;
}

/** Stores a plain issue, e.g. the one a pull request closes. */
export function seedIssue(
  state: FakeGitHubState,
  seed: Partial<StoredIssue> & { number: number },
): StoredIssue {
  const now = tick(state);
  const issue: StoredIssue = {
    title: 'Orders cannot be listed',
    body: null,
    state: 'open',
    user: { login: 'octo-reporter', type: 'User' },
    labels: [],
    createdAt: now,
    updatedAt: now,
    ...seed,
  };
  for (const label of issue.labels) seedLabel(state, { name: label });
  state.issues.set(issue.number, issue);
  return issue;
}

/** Stores a comment written by someone else (a reviewer, or an earlier run of the bot). */
export function seedComment(
  state: FakeGitHubState,
  seed: { issueNumber: number; body: string; user?: AccountRef },
): StoredComment {
  const now = tick(state);
  const comment: StoredComment = {
    id: takeId(state),
    issueNumber: seed.issueNumber,
    body: seed.body,
    user: seed.user ?? { login: 'octo-reviewer', type: 'User' },
    createdAt: now,
    updatedAt: now,
    reactions: [],
  };
  state.comments.push(comment);
  return comment;
}

/** Stores a repository label (no-op when a label of that name exists, compared case-insensitively). */
export function seedLabel(
  state: FakeGitHubState,
  seed: { name: string; color?: string; description?: string | null },
): StoredLabel {
  const existing = state.labels.get(seed.name.toLowerCase());
  if (existing) return existing;
  const label: StoredLabel = {
    id: takeId(state),
    name: seed.name,
    color: seed.color ?? 'ededed',
    description: seed.description ?? null,
  };
  state.labels.set(seed.name.toLowerCase(), label);
  return label;
}

/** Sets what `GET .../collaborators/{username}/permission` answers for `login`. */
export function seedPermission(state: FakeGitHubState, login: string, level: PermissionLevel): void {
  state.permissions.set(login.toLowerCase(), level);
}

/** Stores a file for `GET .../contents/{path}`; `ref` `*` (the default) answers for any ref. */
export function seedContent(state: FakeGitHubState, path: string, content: string, ref = '*'): void {
  state.contents.set(`${ref}:${path}`, content);
}

/** What the dependency graph answers for `base...head` (GitHub's `dependency-graph/diff-range`). */
export function seedDependencyDiff(
  state: FakeGitHubState,
  commits: { baseSha: string; headSha: string },
  changes: SeededDependencyChange[],
): void {
  state.dependencyDiffs.set(`${commits.baseSha}...${commits.headSha}`, changes);
}

/** An advisory `GET /advisories/{ghsa_id}` serves. */
export function seedAdvisory(state: FakeGitHubState, advisory: SeededAdvisory): void {
  state.advisories.set(advisory.ghsaId, advisory);
}

/** `count` small modified files (`src/file-0001.ts` …), for pagination tests. */
export function generatedFiles(count: number): SeededFile[] {
  return Array.from({ length: count }, (_, index) => ({
    filename: `src/file-${String(index + 1).padStart(4, '0')}.ts`,
    status: 'modified' as const,
    patch: `@@ -1,2 +1,2 @@\n export const value = 1;\n-export const index = ${index};\n+export const index = ${index + 1};`,
  }));
}

/** `count` commits with increasing messages, the last one being the head. */
export function generatedCommits(count: number, headSha: string): SeededCommit[] {
  return Array.from({ length: count }, (_, index) => ({
    sha: index === count - 1 ? headSha : fakeSha(`commit-${index}`),
    message: `Commit ${index + 1}`,
  }));
}
