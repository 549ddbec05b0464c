import type { ChangedFile } from '../code/diff/changed-file.js';
import type { PullRequestInfo } from './pull-request.js';

/**
 * What the pipeline needs from GitHub, split by use. The Octokit adapter implements all of
 * them; tests of pure logic can implement just the one they need.
 */
export interface IssueComment {
  id: number;
  body: string;
  htmlUrl: string;
  author: string;
}

export interface PullRequestReader {
  getPullRequest(prNumber: number): Promise<PullRequestInfo>;
  /** All files of the PR (GitHub stops at 3,000). */
  listChangedFiles(prNumber: number): Promise<ChangedFile[]>;
  /** Title and body of an issue, or undefined when it does not exist or cannot be read. */
  getIssue(issueNumber: number): Promise<{ title: string; body: string } | undefined>;
  /** The PR's commit messages, oldest first (GitHub lists at most 250). */
  listCommitMessages(prNumber: number): Promise<string[]>;
  /** A file's text at a ref, or undefined when it does not exist. */
  readFileAtRef(path: string, ref: string): Promise<string | undefined>;
}

export interface CommentStore {
  listComments(prNumber: number): Promise<IssueComment[]>;
  createComment(prNumber: number, body: string): Promise<IssueComment>;
  updateComment(commentId: number, body: string): Promise<IssueComment>;
}

export type Reaction = 'eyes' | 'rocket' | 'confused';

export interface CommandFeedback {
  react(commentId: number, reaction: Reaction): Promise<void>;
  /** The commenter's role: admin, maintain, write, triage, read or none. */
  permissionOf(username: string): Promise<string>;
}

export interface LabelStore {
  /** Creates the label when the repository lacks it. */
  ensureLabel(name: string, color: string, description: string): Promise<void>;
  addLabels(prNumber: number, labels: string[]): Promise<void>;
}

export interface InlineComment {
  path: string;
  line: number;
  body: string;
}

export interface ReviewStore {
  /** Bodies of the PR's existing inline review comments (to avoid repeating a finding). */
  listReviewCommentBodies(prNumber: number): Promise<string[]>;
  createReview(prNumber: number, commitSha: string, body: string, comments: InlineComment[]): Promise<void>;
}

export type GitHubGateway = PullRequestReader & CommentStore & CommandFeedback & LabelStore & ReviewStore;

/**
 * GitHub refused a write because the token lacks a permission (fork PRs get a read-only token).
 * `permission` names what to grant in the workflow's `permissions:` block.
 */
export class MissingPermissionError extends Error {
  override name = 'MissingPermissionError';
  constructor(
    readonly operation: string,
    readonly permission: string,
  ) {
    super(
      `GitHub refused to ${operation}: grant \`${permission}\` in the workflow's \`permissions:\` (fork pull requests only get a read-only token).`,
    );
  }
}
