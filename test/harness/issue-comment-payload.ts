import { DEFAULT_OWNER, DEFAULT_REPO } from './fake-github-state.js';
import type { JsonObject } from './github-examples.js';
import {
  renumberUrls,
  retargetRepository,
  webhookExample,
  webhookUser,
  type RepositoryTarget,
} from './webhook-examples.js';

/** Options of `issueCommentPayload`. */
export interface IssueCommentPayloadOptions extends Partial<RepositoryTarget> {
  /** Commenter login; defaults to `octo-reviewer`. */
  user?: string;
  userType?: 'User' | 'Bot';
  action?: 'created' | 'edited' | 'deleted';
  /** PR (or issue) number; defaults to 1. */
  number?: number;
  /** False for a comment on a plain issue. Defaults to true. */
  onPullRequest?: boolean;
  /** How GitHub relates the commenter to the repository, e.g. `OWNER`, `MEMBER`, `NONE`. */
  authorAssociation?: string;
  commentId?: number;
}

/**
 * A real `issue_comment` payload with `body`. None of the examples is on a pull request,
 * so `issue.pull_request` is added (as GitHub sends it for a PR conversation comment)
 * unless `onPullRequest` is false.
 */
export function issueCommentPayload(body: string, options: IssueCommentPayloadOptions = {}): JsonObject {
  const target = { owner: options.owner ?? DEFAULT_OWNER, repo: options.repo ?? DEFAULT_REPO };
  const number = options.number ?? 1;
  const example = webhookExample('issue_comment', options.action ?? 'created');
  const issueExample = example.issue as JsonObject;
  const payload = renumberUrls(retargetRepository(example, target), Number(issueExample.number), number);
  const issue = payload.issue as JsonObject;
  const comment = payload.comment as JsonObject;
  const commenter = webhookUser(comment.user, options.user ?? 'octo-reviewer', options.userType ?? 'User');
  const fullName = `${target.owner}/${target.repo}`;
  const page = options.onPullRequest === false ? 'issues' : 'pull';
  const commentId = options.commentId ?? Number(comment.id);
  Object.assign(issue, { number, html_url: `https://github.com/${fullName}/${page}/${number}` });
  if (options.onPullRequest === false) delete issue.pull_request;
  else {
    issue.pull_request = {
      url: `https://api.github.com/repos/${fullName}/pulls/${number}`,
      html_url: `https://github.com/${fullName}/pull/${number}`,
      diff_url: `https://github.com/${fullName}/pull/${number}.diff`,
      patch_url: `https://github.com/${fullName}/pull/${number}.patch`,
      merged_at: null,
    };
  }
  Object.assign(comment, {
    id: commentId,
    body,
    user: commenter,
    html_url: `https://github.com/${fullName}/${page}/${number}#issuecomment-${commentId}`,
    url: `https://api.github.com/repos/${fullName}/issues/comments/${commentId}`,
    issue_url: `https://api.github.com/repos/${fullName}/issues/${number}`,
    author_association: options.authorAssociation ?? comment.author_association,
  });
  payload.sender = commenter;
  return payload;
}
