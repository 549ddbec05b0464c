import type { AccountRef } from './github-examples.js';
import {
  seedComment,
  seedAdvisory,
  seedContent,
  seedDependencyDiff,
  seedIssue,
  seedLabel,
  seedPermission,
  seedPullRequest,
  pushToPullRequest,
  type PullRequestSeed,
} from './fake-github-seed.js';
import type {
  FakeGitHubState,
  SeededFile,
  PermissionLevel,
  SeededAdvisory,
  SeededDependencyChange,
  StoredComment,
  StoredIssue,
  StoredLabel,
  StoredPullRequest,
} from './fake-github-state.js';

/** Seeding functions bound to one fake's state. */
export interface FakeGitHubSeeder {
  /** A pull request (number 1 unless given), with its files, commits and labels. */
  pullRequest(seed?: PullRequestSeed): StoredPullRequest;
  /** A push to the PR's branch: new head (and files), newer `updated_at`. */
  push(number: number, push: { headSha: string; files?: SeededFile[]; message?: string }): StoredPullRequest;
  /** A plain issue, e.g. the one a PR body links with "Fixes #12". */
  issue(seed: Partial<StoredIssue> & { number: number }): StoredIssue;
  /** A comment by someone else on an issue or PR (defaults to a human reviewer). */
  comment(seed: { issueNumber: number; body: string; user?: AccountRef }): StoredComment;
  label(seed: { name: string; color?: string; description?: string | null }): StoredLabel;
  /** What the collaborator-permission endpoint answers for `login`; unseeded logins get `read`. */
  permission(login: string, level: PermissionLevel): void;
  /** A file the contents API serves; `ref` `*` (default) answers for any ref. */
  content(path: string, text: string, ref?: string): void;
  /** What the dependency graph's comparison of the two commits lists; unseeded pairs list nothing. */
  dependencyDiff(commits: { baseSha: string; headSha: string }, changes: SeededDependencyChange[]): void;
  /** An advisory of GitHub's advisory database. */
  advisory(advisory: SeededAdvisory): void;
}

/** Binds the seeding functions to `state`. */
export function createFakeGitHubSeeder(state: FakeGitHubState): FakeGitHubSeeder {
  return {
    pullRequest: (seed) => seedPullRequest(state, seed),
    push: (number, push) => pushToPullRequest(state, number, push),
    issue: (seed) => seedIssue(state, seed),
    comment: (seed) => seedComment(state, seed),
    label: (seed) => seedLabel(state, seed),
    permission: (login, level) => seedPermission(state, login, level),
    content: (path, text, ref) => seedContent(state, path, text, ref),
    dependencyDiff: (commits, changes) => seedDependencyDiff(state, commits, changes),
    advisory: (advisory) => seedAdvisory(state, advisory),
  };
}
