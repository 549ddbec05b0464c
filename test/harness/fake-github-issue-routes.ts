import { GITHUB_ACTIONS_BOT } from './github-examples.js';
import { commentObject, issueObject, labelObject, reactionObject } from './github-issue-objects.js';
import {
  bodyObject,
  characterCount,
  githubError,
  MAX_BODY_CHARACTERS,
  notFound,
  numberParam,
  validationFailed,
  type RouteContext,
  type RouteHandler,
  type RouteResult,
} from './fake-github-route.js';
import { seedLabel } from './fake-github-seed.js';
import {
  takeId,
  tick,
  type StoredComment,
  type StoredIssue,
  type StoredPullRequest,
} from './fake-github-state.js';
import { paginate } from './pagination.js';

/** The issue or pull request `issue_number` names: on GitHub, every PR is an issue too. */
function findIssue(context: RouteContext): StoredIssue | StoredPullRequest | undefined {
  const number = numberParam(context, 'issue_number');
  return context.state.pullRequests.get(number) ?? context.state.issues.get(number);
}

function findComment(context: RouteContext): StoredComment | undefined {
  const id = numberParam(context, 'comment_id');
  return context.state.comments.find((comment) => comment.id === id);
}

/** The checks GitHub makes on a comment body before storing it. */
function rejectBody(context: RouteContext, body: unknown): RouteResult | undefined {
  if (typeof body !== 'string')
    return validationFailed(context, [{ resource: 'IssueComment', field: 'body', code: 'missing_field' }]);
  if (characterCount(body) <= MAX_BODY_CHARACTERS) return undefined;
  return validationFailed(context, [
    {
      resource: 'IssueComment',
      field: 'data',
      code: 'unprocessable',
      message: 'Body is too long (maximum is 65536 characters)',
    },
  ]);
}

function listComments(context: RouteContext, issueNumber: number): RouteResult {
  const since = context.query.get('since');
  const comments = context.state.comments
    .filter((comment) => comment.issueNumber === issueNumber)
    .filter((comment) => since === null || comment.updatedAt.getTime() >= Date.parse(since));
  const page = paginate(comments, context.publicUrl, context.path, context.query);
  return {
    status: 200,
    body: page.items.map((comment) => commentObject(context.state, comment)),
    headers: page.headers,
  };
}

function createComment(context: RouteContext, issue: StoredIssue | StoredPullRequest): RouteResult {
  const body = bodyObject(context).body;
  const rejected = rejectBody(context, body);
  if (rejected) return rejected;
  const now = tick(context.state);
  const comment: StoredComment = {
    id: takeId(context.state),
    issueNumber: issue.number,
    body: String(body),
    user: GITHUB_ACTIONS_BOT,
    createdAt: now,
    updatedAt: now,
    reactions: [],
  };
  context.state.comments.push(comment);
  return { status: 201, body: commentObject(context.state, comment) };
}

function updateComment(context: RouteContext, comment: StoredComment): RouteResult {
  const body = bodyObject(context).body;
  const rejected = rejectBody(context, body);
  if (rejected) return rejected;
  comment.body = String(body);
  comment.updatedAt = tick(context.state);
  return { status: 200, body: commentObject(context.state, comment) };
}

function deleteComment(context: RouteContext, comment: StoredComment): RouteResult {
  context.state.comments = context.state.comments.filter((candidate) => candidate !== comment);
  return { status: 204 };
}

/** Adding a reaction the bot already left returns the existing one with 200, as GitHub does. */
function createReaction(context: RouteContext, comment: StoredComment): RouteResult {
  const content = bodyObject(context).content;
  if (typeof content !== 'string')
    return validationFailed(context, [{ resource: 'Reaction', field: 'content', code: 'missing_field' }]);
  const existing = comment.reactions.find(
    (reaction) => reaction.content === content && reaction.user.login === GITHUB_ACTIONS_BOT.login,
  );
  if (existing) return { status: 200, body: reactionObject(existing) };
  const reaction = {
    id: takeId(context.state),
    content,
    user: GITHUB_ACTIONS_BOT,
    createdAt: tick(context.state),
  };
  comment.reactions.push(reaction);
  return { status: 201, body: reactionObject(reaction) };
}

function withIssue(
  context: RouteContext,
  answer: (issue: StoredIssue | StoredPullRequest) => RouteResult,
): RouteResult {
  const issue = findIssue(context);
  return issue ? answer(issue) : notFound(context);
}

function withComment(context: RouteContext, answer: (comment: StoredComment) => RouteResult): RouteResult {
  const comment = findComment(context);
  return comment ? answer(comment) : notFound(context);
}

/** Handlers for issue and issue-comment operations. */
export const issueRoutes: Record<string, RouteHandler> = {
  'issues/get': (context) =>
    withIssue(context, (issue) => ({ status: 200, body: issueObject(context.state, issue) })),
  'issues/list-comments': (context) => withIssue(context, (issue) => listComments(context, issue.number)),
  'issues/create-comment': (context) => withIssue(context, (issue) => createComment(context, issue)),
  'issues/get-comment': (context) =>
    withComment(context, (comment) => ({ status: 200, body: commentObject(context.state, comment) })),
  'issues/update-comment': (context) => withComment(context, (comment) => updateComment(context, comment)),
  'issues/delete-comment': (context) => withComment(context, (comment) => deleteComment(context, comment)),
  'reactions/create-for-issue-comment': (context) =>
    withComment(context, (comment) => createReaction(context, comment)),
};

/** Label names from any of the body shapes GitHub accepts: `{labels: [...]}` or a bare array, of names or `{name}`. */
function labelNames(body: unknown): string[] {
  const list: unknown = Array.isArray(body) ? body : (body as { labels?: unknown } | null)?.labels;
  if (!Array.isArray(list)) return [];
  return list
    .map((item: unknown) => (typeof item === 'string' ? item : (item as { name?: unknown } | null)?.name))
    .filter((name): name is string => typeof name === 'string' && name.length > 0);
}

function issueLabels(context: RouteContext, issue: StoredIssue | StoredPullRequest): RouteResult {
  return { status: 200, body: issue.labels.map((name) => labelObject(context.state, name)) };
}

/** Handlers for label operations. */
export const labelRoutes: Record<string, RouteHandler> = {
  'issues/get-label': (context) => {
    const name = context.params.name ?? '';
    return context.state.labels.has(name.toLowerCase())
      ? { status: 200, body: labelObject(context.state, name) }
      : notFound(context);
  },
  'issues/create-label': (context) => {
    const input = bodyObject(context);
    if (typeof input.name !== 'string')
      return validationFailed(context, [{ resource: 'Label', field: 'name', code: 'missing_field' }]);
    if (context.state.labels.has(input.name.toLowerCase())) {
      return validationFailed(context, [{ resource: 'Label', field: 'name', code: 'already_exists' }]);
    }
    const color = typeof input.color === 'string' ? input.color : undefined;
    const description = typeof input.description === 'string' ? input.description : null;
    seedLabel(context.state, { name: input.name, ...(color ? { color } : {}), description });
    return { status: 201, body: labelObject(context.state, input.name) };
  },
  'issues/list-labels-on-issue': (context) => withIssue(context, (issue) => issueLabels(context, issue)),
  'issues/add-labels': (context) =>
    withIssue(context, (issue) => {
      for (const name of labelNames(context.body)) {
        const label = seedLabel(context.state, { name });
        if (!issue.labels.some((existing) => existing.toLowerCase() === name.toLowerCase()))
          issue.labels.push(label.name);
      }
      return issueLabels(context, issue);
    }),
  'issues/remove-label': (context) =>
    withIssue(context, (issue) => {
      const name = (context.params.name ?? '').toLowerCase();
      const index = issue.labels.findIndex((label) => label.toLowerCase() === name);
      if (index < 0) return githubError(context.operation, 404, 'Label does not exist');
      issue.labels.splice(index, 1);
      return issueLabels(context, issue);
    }),
};
