import { commentableLines } from './diff-lines.js';
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
import { takeId, tick, type StoredPullRequest, type StoredReview, type StoredReviewComment } from './fake-github-state.js';
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

/** Anchors one inline comment to the diff, or says why GitHub would refuse it. */
function anchorComment(pr: StoredPullRequest, input: ReviewCommentInput): string | Omit<StoredReviewComment, 'id' | 'reviewId' | 'createdAt' | 'commitId' | 'user' | 'pullNumber'> {
  const file = pr.files.find((candidate) => candidate.filename === input.path);
  if (!file) return 'Path could not be resolved';
  if (typeof input.line !== 'number') {
    return input.position === undefined ? 'Line could not be resolved' : 'The fake supports `line`, not the deprecated `position`';
  }
  const side = input.side === 'LEFT' ? 'LEFT' : 'RIGHT';
  const lines = commentableLines(file.patch ?? '');
  const anchor = lines.find((candidate) => candidate.side === side && candidate.line === input.line);
  if (!anchor) return 'Pull request review thread line must be part of the diff';
  const startSide = input.start_side === 'LEFT' ? 'LEFT' : input.start_line === undefined ? null : side;
  if (typeof input.start_line === 'number') {
    const start = lines.some((candidate) => candidate.side === startSide && candidate.line === input.start_line);
    if (!start || input.start_line >= input.line) return 'Pull request review thread start line must be part of the diff';
  }
  if (typeof input.body !== 'string') return 'Body is required for each review comment';
  if (characterCount(input.body) > MAX_BODY_CHARACTERS) return 'Body is too long (maximum is 65536 characters)';
  return {
    path: file.filename,
    line: input.line,
    side,
    startLine: typeof input.start_line === 'number' ? input.start_line : null,
    startSide: typeof input.start_line === 'number' ? startSide : null,
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
  if (characterCount(body) > MAX_BODY_CHARACTERS) return reviewRejected(context, 'Body is too long (maximum is 65536 characters)');
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

/** Handlers for the pull request operations. */
export const pullRoutes: Record<string, RouteHandler> = {
  'pulls/get': (context) => withPullRequest(context, (pr) => ({ status: 200, body: pullRequestObject(context.state, pr) })),
  'pulls/list-files': (context) =>
    withPullRequest(context, (pr) =>
      listed(context, pr.files.slice(0, MAX_LISTED_FILES), (file) => diffEntryObject(context.state, pr, file)),
    ),
  'pulls/list-commits': (context) =>
    withPullRequest(context, (pr) =>
      listed(context, pr.commits.slice(0, MAX_LISTED_COMMITS), (commit) => commitObject(context.state, commit)),
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
};
