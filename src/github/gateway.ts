import type { ChangedFile } from '../code/diff/changed-file.js';
import type { PullRequestInfo } from './pull-request.js';

export { GitHubCallError, MissingPermissionError, SkippedCallError } from './github-call-error.js';

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

/**
 * How to recognise a comment an ambiguous create may have made after all: GitHub (or a proxy)
 * can answer 5xx, or the connection can drop, after the comment was stored.
 */
export type CreatedComment = (comment: IssueComment) => boolean;

export interface CommentStore {
  /** The PR's conversation comments, oldest first. */
  listComments(prNumber: number): Promise<IssueComment[]>;
  /**
   * Creates a comment. Never blindly retried: after an ambiguous failure the comments are read
   * again, and a comment `recognise` accepts is returned instead of creating another.
   */
  createComment(prNumber: number, body: string, recognise?: CreatedComment): Promise<IssueComment>;
  updateComment(commentId: number, body: string): Promise<IssueComment>;
  /** Deletes a comment; one already gone counts as deleted. */
  deleteComment(commentId: number): Promise<void>;
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
  /** Which side of the diff `line` counts on; absent means the head (`RIGHT`). */
  side?: 'LEFT' | 'RIGHT';
}

/** An inline review comment already on the PR. */
export interface ReviewComment {
  id: number;
  body: string;
}

export interface ReviewStore {
  /** The PR's inline review comments, oldest first. */
  listReviewComments(prNumber: number): Promise<ReviewComment[]>;
  /**
   * Posts one review with inline comments. Never blindly retried: after an ambiguous failure the
   * review comments are read again, and when one `recognise` accepts is there, the review was posted.
   */
  createReview(
    prNumber: number,
    commitSha: string,
    body: string,
    comments: InlineComment[],
    recognise: (comment: ReviewComment) => boolean,
  ): Promise<void>;
  /** Deletes an inline review comment; one already gone counts as deleted. */
  deleteReviewComment(commentId: number): Promise<void>;
}

export type GitHubGateway = PullRequestReader & CommentStore & CommandFeedback & LabelStore & ReviewStore;
