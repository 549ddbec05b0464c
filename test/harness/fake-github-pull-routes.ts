import { commentableLines, type CommentableLine } from './diff-lines.js';
import { GITHUB_ACTIONS_BOT } from './github-examples.js';
import { commitObject, diffEntryObject, pullRequestObject } from './github-pull-objects.js';
import { reviewCommentObject, reviewObject } from './github-review-objects.js';
import {
  bodyObject,
  characterCount,
  githubError,
  MAX_BODY_CHARACTERS,
  notFound,
  numberParam,
  type RouteContext,
  type RouteHandler,
  type RouteResult,
} from './fake-github-route.js';
import {
  takeId,
  tick,
  type StoredPullRequest,
  type StoredReview,
  type StoredReviewComment,
} from './fake-github-state.js';
import { paginate } from './pagination.js';

/** GitHub lists at most 3,000 files of a pull request and 250 commits. */
export const MAX_LISTED_FILES = 3000;
export const MAX_LISTED_COMMITS = 250;

function withPullRequest(context: RouteContext, answer: (pr: StoredPullRequest) => RouteResult): RouteResult {
  const pr = context.state.pullRequests.get(numberParam(context, 'pull_number'));
  return pr ? answer(pr) : notFound(context);
}

function listed<T>(context: RouteContext, items: readonly T[], toObject: (item: T) => unknown): RouteResult {
  const page = paginate(items, context.publicUrl, context.path, context.query);
  return { status: 200, body: page.items.map(toObject), headers: page.headers };
}

/** 422 with GitHub's `validation-error-simple` body, as the reviews endpoint answers. */
function reviewRejected(context: RouteContext, message: string): RouteResult {
  return githubError(context.operation, 422, 'Unprocessable Entity', { errors: [message] });
}

interface ReviewCommentInput {
  path?: unknown;
  line?: unknown;
  side?: unknown;
  start_line?: unknown;
  start_side?: unknown;
  position?: unknown;
  body?: unknown;
}

type AnchoredComment = Omit<
  StoredReviewComment,
  'id' | 'reviewId' | 'createdAt' | 'commitId' | 'user' | 'pullNumber'
>;

/** The diff line a comment names, by `line` and `side`, or by the deprecated `position`. */
function findAnchor(lines: CommentableLine[], input: ReviewCommentInput): CommentableLine | undefined {
  if (typeof input.line === 'number') {
    const side = input.side === 'LEFT' ? 'LEFT' : 'RIGHT';
    return lines.find((candidate) => candidate.side === side && candidate.line === input.line);
  }
  if (typeof input.position !== 'number') return undefined;
  const atPosition = lines.filter((candidate) => candidate.position === input.position);
  return atPosition.find((candidate) => candidate.side === 'RIGHT') ?? atPosition[0];
}

/** Anchors one inline comment to the diff, or says why GitHub would refuse it (GitHub's wording). */
function anchorComment(pr: StoredPullRequest, input: ReviewCommentInput): string | AnchoredComment {
  const file = pr.files.find((candidate) => candidate.filename === input.path);
  if (!file) return 'Path could not be resolved';
  if (typeof input.line !== 'number' && typeof input.position !== 'number')
    return 'Line could not be resolved';
  const lines = commentableLines(file.patch ?? '');
  const anchor = findAnchor(lines, input);
  if (!anchor) return 'Pull request review thread line must be part of the diff';
  const startSide =
    input.start_side === 'LEFT' || input.start_side === 'RIGHT' ? input.start_side : anchor.side;
  const startLine = typeof input.start_line === 'number' ? input.start_line : null;
  if (startLine !== null) {
    const start = lines.some((candidate) => candidate.side === startSide && candidate.line === startLine);
    if (!start || startLine >= anchor.line)
      return 'Pull request review thread start line must be part of the diff';
  }
  if (typeof input.body !== 'string') return 'Body is required for each review comment';
  if (characterCount(input.body) > MAX_BODY_CHARACTERS)
    return 'Body is too long (maximum is 65536 characters)';
  return {
    path: file.filename,
    line: anchor.line,
    side: anchor.side,
    startLine,
    startSide: startLine === null ? null : startSide,
    position: anchor.position,
    body: input.body,
    diffHunk: anchor.diffHunk,
  };
}

const REVIEW_STATES: Record<string, StoredReview['state']> = {
  COMMENT: 'COMMENTED',
  APPROVE: 'APPROVED',
  REQUEST_CHANGES: 'CHANGES_REQUESTED',
};

function createReview(context: RouteContext, pr: StoredPullRequest): RouteResult {
  const input = bodyObject(context);
  const body = typeof input.body === 'string' ? input.body : '';
  const comments = Array.isArray(input.comments) ? (input.comments as ReviewCommentInput[]) : [];
  if (characterCount(body) > MAX_BODY_CHARACTERS)
    return reviewRejected(context, 'Body is too long (maximum is 65536 characters)');
  const event = typeof input.event === 'string' ? input.event : undefined;
  if (event === 'REQUEST_CHANGES' && body === '') return reviewRejected(context, 'Review body is required');
  const anchored = comments.map((comment) => anchorComment(pr, comment));
  const refused = anchored.find((result): result is string => typeof result === 'string');
  if (refused !== undefined) return reviewRejected(context, refused);
  const now = tick(context.state);
  const review: StoredReview = {
    id: takeId(context.state),
    pullNumber: pr.number,
    body,
    state: event === undefined ? 'PENDING' : (REVIEW_STATES[event] ?? 'PENDING'),
    commitId: typeof input.commit_id === 'string' ? input.commit_id : pr.headSha,
    user: GITHUB_ACTIONS_BOT,
    submittedAt: now,
  };
  context.state.reviews.push(review);
  for (const comment of anchored) {
    if (typeof comment === 'string') continue;
    context.state.reviewComments.push({
      ...comment,
      id: takeId(context.state),
      reviewId: review.id,
      pullNumber: pr.number,
      commitId: review.commitId,
      user: GITHUB_ACTIONS_BOT,
      createdAt: now,
    });
  }
  return { status: 200, body: reviewObject(context.state, review) };
}

/** GitHub refuses the whole-PR diff above this many files (406), pointing at the files API. */
export const MAX_DIFF_FILES = 300;

/** `GET .../pulls/{n}` with `Accept: application/vnd.github.diff`: the unified diff as text. */
function pullRequestDiff(context: RouteContext, pr: StoredPullRequest): RouteResult {
  if (pr.files.length > MAX_DIFF_FILES) {
    return githubError(
      context.operation,
      406,
      `Sorry, the diff exceeded the maximum number of files (${MAX_DIFF_FILES}). Consider using 'List pull requests files' API or locally cloning the repository instead.`,
      { errors: [{ resource: 'PullRequest', field: 'diff', code: 'too_large' }] },
    );
  }
  const text = pr.files
    .map((file) => {
      const before = file.status === 'added' ? '/dev/null' : `a/${file.previousFilename ?? file.filename}`;
      const after = file.status === 'removed' ? '/dev/null' : `b/${file.filename}`;
      const header = `diff --git a/${file.previousFilename ?? file.filename} b/${file.filename}\n--- ${before}\n+++ ${after}\n`;
      return `${header}${file.patch ?? ''}\n`;
    })
    .join('');
  return { status: 200, raw: { contentType: 'application/vnd.github.diff; charset=utf-8', text } };
}

/** Handlers for the pull request operations. */
export const pullRoutes: Record<string, RouteHandler> = {
  'pulls/get': (context) =>
    withPullRequest(context, (pr) =>
      context.accept.includes('application/vnd.github.diff') ||
      context.accept.includes('application/vnd.github.v3.diff')
        ? pullRequestDiff(context, pr)
        : { status: 200, body: pullRequestObject(context.state, pr) },
    ),
  'pulls/list-files': (context) =>
    withPullRequest(context, (pr) =>
      listed(context, pr.files.slice(0, MAX_LISTED_FILES), (file) =>
        diffEntryObject(context.state, pr, file),
      ),
    ),
  'pulls/list-commits': (context) =>
    withPullRequest(context, (pr) =>
      listed(context, pr.commits.slice(0, MAX_LISTED_COMMITS), (commit) =>
        commitObject(context.state, commit),
      ),
    ),
  'pulls/list-reviews': (context) =>
    withPullRequest(context, (pr) =>
      listed(
        context,
        context.state.reviews.filter((review) => review.pullNumber === pr.number),
        (review) => reviewObject(context.state, review),
      ),
    ),
  'pulls/create-review': (context) => withPullRequest(context, (pr) => createReview(context, pr)),
  'pulls/list-review-comments': (context) =>
    withPullRequest(context, (pr) =>
      listed(
        context,
        context.state.reviewComments.filter((comment) => comment.pullNumber === pr.number),
        (comment) => reviewCommentObject(context.state, comment),
      ),
    ),
  'pulls/delete-review-comment': (context) => {
    const id = numberParam(context, 'comment_id');
    const comment = context.state.reviewComments.find((candidate) => candidate.id === id);
    if (!comment) return notFound(context);
    context.state.reviewComments = context.state.reviewComments.filter((candidate) => candidate !== comment);
    return { status: 204 };
  },
};
