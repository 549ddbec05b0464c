import { fakeSha } from './fake-github-seed.js';
import {
  githubExample,
  githubExampleItem,
  githubTimestamp,
  githubUser,
  type JsonObject,
} from './github-examples.js';
import type {
  FakeGitHubState,
  StoredCheckRun,
  StoredReview,
  StoredReviewComment,
} from './fake-github-state.js';

const API = 'https://api.github.com';

/** A `pull-request-review` object. */
export function reviewObject(state: FakeGitHubState, review: StoredReview): JsonObject {
  const repo = `${state.owner}/${state.repo}`;
  const htmlUrl = `https://github.com/${repo}/pull/${review.pullNumber}#pullrequestreview-${review.id}`;
  const pullUrl = `${API}/repos/${repo}/pulls/${review.pullNumber}`;
  const review_: JsonObject = {
    ...githubExample('pull-request-review'),
    id: review.id,
    node_id: Buffer.from(`PRR_${review.id}`).toString('base64'),
    user: githubUser(review.user),
    body: review.body,
    state: review.state,
    html_url: htmlUrl,
    pull_request_url: pullUrl,
    _links: { html: { href: htmlUrl }, pull_request: { href: pullUrl } },
    commit_id: review.commitId,
    author_association: 'NONE',
  };
  // A pending review has not been submitted yet, so GitHub leaves `submitted_at` out.
  if (review.state === 'PENDING') delete review_.submitted_at;
  else review_.submitted_at = githubTimestamp(review.submittedAt);
  return review_;
}

/** A `pull-request-review-comment` object (an inline comment of a review). */
export function reviewCommentObject(state: FakeGitHubState, comment: StoredReviewComment): JsonObject {
  const repo = `${state.owner}/${state.repo}`;
  const url = `${API}/repos/${repo}/pulls/comments/${comment.id}`;
  const htmlUrl = `https://github.com/${repo}/pull/${comment.pullNumber}#discussion_r${comment.id}`;
  const pullUrl = `${API}/repos/${repo}/pulls/${comment.pullNumber}`;
  const example = githubExampleItem('pull-request-review-comment-items');
  // The example is a reply (`in_reply_to_id`); a fresh review comment is not.
  delete example.in_reply_to_id;
  return {
    ...example,
    url,
    pull_request_review_id: comment.reviewId,
    id: comment.id,
    node_id: Buffer.from(`PRRC_${comment.id}`).toString('base64'),
    diff_hunk: comment.diffHunk,
    path: comment.path,
    position: comment.position,
    original_position: comment.position,
    commit_id: comment.commitId,
    original_commit_id: comment.commitId,
    user: githubUser(comment.user),
    body: comment.body,
    created_at: githubTimestamp(comment.createdAt),
    updated_at: githubTimestamp(comment.createdAt),
    html_url: htmlUrl,
    pull_request_url: pullUrl,
    author_association: 'NONE',
    _links: { self: { href: url }, html: { href: htmlUrl }, pull_request: { href: pullUrl } },
    start_line: comment.startLine,
    original_start_line: comment.startLine,
    start_side: comment.startSide,
    line: comment.line,
    original_line: comment.line,
    side: comment.side,
    subject_type: 'line',
  };
}

/** A `check-run` object. */
export function checkRunObject(state: FakeGitHubState, run: StoredCheckRun): JsonObject {
  const repo = `${state.owner}/${state.repo}`;
  const url = `${API}/repos/${repo}/check-runs/${run.id}`;
  const example = githubExample('check-run');
  return {
    ...example,
    id: run.id,
    head_sha: run.headSha,
    node_id: Buffer.from(`CR_${run.id}`).toString('base64'),
    external_id: run.externalId ?? '',
    url,
    html_url: `https://github.com/${repo}/runs/${run.id}`,
    details_url: run.detailsUrl ?? `https://github.com/${repo}/runs/${run.id}`,
    status: run.status,
    conclusion: run.conclusion,
    started_at: githubTimestamp(run.startedAt),
    completed_at: run.completedAt ? githubTimestamp(run.completedAt) : null,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.output.annotations.length,
      annotations_url: `${url}/annotations`,
    },
    name: run.name,
    pull_requests: [...state.pullRequests.values()]
      .filter((pr) => pr.headSha === run.headSha)
      .map((pr) => ({
        url: `${API}/repos/${repo}/pulls/${pr.number}`,
        id: pr.number + 500_000_000,
        number: pr.number,
        head: {
          ref: pr.headRef,
          sha: pr.headSha,
          repo: { id: 1, url: `${API}/repos/${repo}`, name: state.repo },
        },
        base: {
          ref: pr.baseRef,
          sha: pr.baseSha,
          repo: { id: 1, url: `${API}/repos/${repo}`, name: state.repo },
        },
      })),
  };
}

/** A `content-file` object for `GET .../contents/{path}` (base64, as GitHub sends it). */
export function contentFileObject(
  state: FakeGitHubState,
  path: string,
  ref: string,
  text: string,
): JsonObject {
  const repo = `${state.owner}/${state.repo}`;
  const example = githubExample('content-file-response-if-content-is-a-file');
  const sha = fakeSha(`blob:${path}:${text}`);
  const encodedPath = path.split('/').map(encodeURIComponent).join('/');
  const links = {
    git: `${API}/repos/${repo}/git/blobs/${sha}`,
    self: `${API}/repos/${repo}/contents/${encodedPath}?ref=${ref}`,
    html: `https://github.com/${repo}/blob/${ref}/${encodedPath}`,
  };
  // GitHub wraps base64 content at 60 characters per line.
  const content = (
    Buffer.from(text)
      .toString('base64')
      .match(/.{1,60}/g) ?? []
  ).join('\n');
  return {
    ...example,
    size: Buffer.byteLength(text),
    name: path.split('/').pop() ?? path,
    path,
    content: content.length > 0 ? `${content}\n` : '',
    sha,
    url: links.self,
    git_url: links.git,
    html_url: links.html,
    download_url: `https://raw.githubusercontent.com/${repo}/${ref}/${encodedPath}`,
    _links: links,
  };
}
