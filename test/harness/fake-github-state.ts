import type { AccountRef } from './github-examples.js';

/** Permission levels GitHub knows for a repository collaborator (`role_name`). */
export type PermissionLevel = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

/** `status` of a file in a pull request, as GitHub's `diff-entry` schema lists them. */
export type FileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

/** One file of a seeded pull request. Additions and deletions default to the patch's counts. */
export interface SeededFile {
  filename: string;
  status: FileStatus;
  /** Unified diff hunks as GitHub returns them (no `diff --git` header); absent for binary files. */
  patch?: string;
  additions?: number;
  deletions?: number;
  previousFilename?: string;
}

/** One commit of a seeded pull request. */
export interface SeededCommit {
  sha: string;
  message: string;
  author?: AccountRef;
}

/** A pull request as the fake stores it. */
export interface StoredPullRequest {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  draft: boolean;
  merged: boolean;
  user: AccountRef;
  headSha: string;
  headRef: string;
  /** `owner/repo` of the head repository; differs from the base for a fork. */
  headRepository: string;
  baseSha: string;
  baseRef: string;
  labels: string[];
  files: SeededFile[];
  commits: SeededCommit[];
  createdAt: Date;
  updatedAt: Date;
}

/** A plain issue (not a pull request), e.g. one a PR links with "Fixes #12". */
export interface StoredIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  user: AccountRef;
  labels: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** A reaction left on an issue comment. */
export interface StoredReaction {
  id: number;
  content: string;
  user: AccountRef;
  createdAt: Date;
}

/** An issue or pull request conversation comment. */
export interface StoredComment {
  id: number;
  issueNumber: number;
  body: string;
  user: AccountRef;
  createdAt: Date;
  updatedAt: Date;
  reactions: StoredReaction[];
}

/** A repository label. */
export interface StoredLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

/** An inline comment of a review, anchored to a line of the diff. */
export interface StoredReviewComment {
  id: number;
  reviewId: number;
  pullNumber: number;
  path: string;
  line: number;
  side: 'LEFT' | 'RIGHT';
  startLine: number | null;
  startSide: 'LEFT' | 'RIGHT' | null;
  /** Lines below the first hunk header (GitHub's older way of anchoring). */
  position: number;
  body: string;
  commitId: string;
  diffHunk: string;
  user: AccountRef;
  createdAt: Date;
}

/** A submitted pull request review. */
export interface StoredReview {
  id: number;
  pullNumber: number;
  body: string;
  state: 'COMMENTED' | 'APPROVED' | 'CHANGES_REQUESTED' | 'PENDING';
  commitId: string;
  user: AccountRef;
  submittedAt: Date;
}

/** A check run created through the Checks API. */
export interface StoredCheckRun {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  startedAt: Date;
  completedAt: Date | null;
  output: { title: string | null; summary: string | null; text: string | null; annotations: unknown[] };
}

/** An advisory GitHub's advisory database knows, as a seeded dependency change cites it. */
export interface SeededVulnerability {
  /** `critical`, `high`, `moderate` or `low`, as the dependency graph writes it. */
  severity: string;
  ghsaId: string;
  summary: string;
}

/** One item of a seeded dependency-graph comparison. */
export interface SeededDependencyChange {
  changeType: 'added' | 'removed';
  manifest: string;
  /** As the dependency graph names it: `npm`, `pip`, `rubygems`, `maven`, `gomod`… */
  ecosystem: string;
  name: string;
  version: string;
  license?: string | null;
  scope?: 'unknown' | 'runtime' | 'development';
  vulnerabilities?: SeededVulnerability[];
}

/** An advisory of `GET /advisories/{ghsa_id}`, with the package ranges it names. */
export interface SeededAdvisory {
  ghsaId: string;
  summary: string;
  severity: string;
  patches: { ecosystem: string; name: string; vulnerableRange: string; firstPatched: string | null }[];
}

/** Everything the fake knows; tests may read it directly and seed it through `FakeGitHubSeed`. */
export interface FakeGitHubState {
  owner: string;
  repo: string;
  defaultBranch: string;
  pullRequests: Map<number, StoredPullRequest>;
  issues: Map<number, StoredIssue>;
  comments: StoredComment[];
  labels: Map<string, StoredLabel>;
  reviews: StoredReview[];
  reviewComments: StoredReviewComment[];
  checkRuns: StoredCheckRun[];
  /** Collaborator permission by login (case-insensitive key: lowercased). */
  permissions: Map<string, PermissionLevel>;
  /** Level for a login that was not seeded: a public repository shows `read` to everyone. */
  defaultPermission: PermissionLevel;
  /** File contents by `<ref>:<path>`; ref `*` matches any ref. */
  contents: Map<string, string>;
  /** Dependency-graph comparisons by `base...head`; an unseeded pair compares to no change. */
  dependencyDiffs: Map<string, SeededDependencyChange[]>;
  /** The advisory database, by GHSA id. */
  advisories: Map<string, SeededAdvisory>;
  /** Next id to hand out; GitHub ids only grow. */
  nextId: number;
  /** Last timestamp handed out by `tick`. */
  lastTime: number;
}

/** The repository a fake and the payload builders use unless told otherwise. */
export const DEFAULT_OWNER = 'octo-org';
export const DEFAULT_REPO = 'orders-service';

/** An empty repository `owner/repo`. */
export function createFakeGitHubState(owner: string, repo: string): FakeGitHubState {
  return {
    owner,
    repo,
    defaultBranch: 'main',
    pullRequests: new Map(),
    issues: new Map(),
    comments: [],
    labels: new Map(),
    reviews: [],
    reviewComments: [],
    checkRuns: [],
    permissions: new Map(),
    defaultPermission: 'read',
    contents: new Map(),
    dependencyDiffs: new Map(),
    advisories: new Map(),
    nextId: 1_000_000_001,
    lastTime: 0,
  };
}

/** Hands out the next id: ids increase across all kinds of objects, as GitHub's do. */
export function takeId(state: FakeGitHubState): number {
  const id = state.nextId;
  state.nextId += 1;
  return id;
}

/**
 * The time of the next change. GitHub timestamps have one-second resolution; moving the
 * clock at least one second per change keeps `updated_at` of an edit after `created_at`
 * even when a test makes both within the same second.
 */
export function tick(state: FakeGitHubState): Date {
  const next = Math.max(Date.now(), state.lastTime + 1000);
  state.lastTime = next;
  return new Date(next);
}
