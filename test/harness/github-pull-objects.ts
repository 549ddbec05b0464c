import {
  githubExample,
  githubExampleItem,
  githubTimestamp,
  githubUser,
  rewriteRepository,
  type JsonObject,
} from './github-examples.js';
import type { FakeGitHubState, SeededCommit, SeededFile, StoredPullRequest } from './fake-github-state.js';
import { labelObject } from './github-issue-objects.js';
import { countPatchLines } from './diff-lines.js';
import { fakeSha } from './fake-github-seed.js';

const API = 'https://api.github.com';

/** Example strings name PR 1347 and its head commit; point them at the seeded PR instead. */
function renumber(value: JsonObject, number: number, headSha: string): JsonObject {
  const text = JSON.stringify(value)
    .replace(/\/(pulls|pull|issues)\/1347/g, `/$1/${number}`)
    .replaceAll('6dcb09b5b57875f334f61aebed695e2e4193db5e', headSha);
  return JSON.parse(text) as JsonObject;
}

/** `head` or `base` of a pull request: GitHub's example branch, moved to the seeded repository and ref. */
function branchObject(example: JsonObject, fullName: string, ref: string, sha: string): JsonObject {
  const [owner = '', name = ''] = fullName.split('/');
  const repository = rewriteRepository(example.repo as JsonObject, owner, name);
  const exampleOwner = repository.owner as JsonObject;
  return {
    ...example,
    label: `${owner}:${ref}`,
    ref,
    sha,
    user: githubUser({ login: owner, type: exampleOwner.type === 'Organization' ? 'Organization' : 'User' }),
    repo: { ...repository, name, full_name: fullName, owner: githubUser({ login: owner }) },
  };
}

/** A `pull-request` object for a seeded pull request. */
export function pullRequestObject(state: FakeGitHubState, pr: StoredPullRequest): JsonObject {
  const example = renumber(
    rewriteRepository(githubExample('pull-request'), state.owner, state.repo),
    pr.number,
    pr.headSha,
  );
  const baseName = `${state.owner}/${state.repo}`;
  const head = branchObject(example.head as JsonObject, pr.headRepository, pr.headRef, pr.headSha);
  const base = branchObject(example.base as JsonObject, baseName, pr.baseRef, pr.baseSha);
  (head.repo as JsonObject).fork = pr.headRepository !== baseName;
  const counts = pr.files.map(fileCounts);
  return {
    ...example,
    id: pr.number + 500_000_000,
    node_id: Buffer.from(`PR_${pr.number}`).toString('base64'),
    number: pr.number,
    state: pr.state,
    locked: false,
    title: pr.title,
    body: pr.body,
    user: githubUser(pr.user),
    labels: pr.labels.map((name) => labelObject(state, name)),
    milestone: null,
    assignee: null,
    assignees: [],
    // GitHub's example team lacks the `type` the `team` schema requires; seeded PRs request no one.
    requested_reviewers: [],
    requested_teams: [],
    created_at: githubTimestamp(pr.createdAt),
    updated_at: githubTimestamp(pr.updatedAt),
    closed_at: null,
    merged_at: null,
    merge_commit_sha: null,
    head,
    base,
    author_association: 'CONTRIBUTOR',
    auto_merge: null,
    active_lock_reason: null,
    draft: pr.draft,
    merged: pr.merged,
    mergeable: true,
    rebaseable: true,
    mergeable_state: pr.draft ? 'draft' : 'clean',
    merged_by: null,
    comments: state.comments.filter((comment) => comment.issueNumber === pr.number).length,
    review_comments: state.reviewComments.filter((comment) => comment.pullNumber === pr.number).length,
    commits: pr.commits.length,
    additions: counts.reduce((sum, count) => sum + count.additions, 0),
    deletions: counts.reduce((sum, count) => sum + count.deletions, 0),
    changed_files: pr.files.length,
  };
}

function fileCounts(file: SeededFile): { additions: number; deletions: number } {
  const counted = file.patch === undefined ? { additions: 0, deletions: 0 } : countPatchLines(file.patch);
  return { additions: file.additions ?? counted.additions, deletions: file.deletions ?? counted.deletions };
}

/** A `diff-entry` object (one element of `GET .../pulls/{n}/files`). */
export function diffEntryObject(state: FakeGitHubState, pr: StoredPullRequest, file: SeededFile): JsonObject {
  const { additions, deletions } = fileCounts(file);
  const repo = `${state.owner}/${state.repo}`;
  const path = file.filename.split('/').map(encodeURIComponent).join('/');
  const entry: JsonObject = {
    ...githubExampleItem('diff-entry-items'),
    sha: fakeBlobSha(file),
    filename: file.filename,
    status: file.status,
    additions,
    deletions,
    changes: additions + deletions,
    blob_url: `https://github.com/${repo}/blob/${pr.headSha}/${path}`,
    raw_url: `https://github.com/${repo}/raw/${pr.headSha}/${path}`,
    contents_url: `${API}/repos/${repo}/contents/${path}?ref=${pr.headSha}`,
  };
  if (file.patch === undefined) delete entry.patch;
  else entry.patch = file.patch;
  if (file.previousFilename !== undefined) entry.previous_filename = file.previousFilename;
  return entry;
}

function fakeBlobSha(file: SeededFile): string {
  return fakeSha(`blob:${file.filename}:${file.patch ?? ''}`);
}

/** A `commit` object (one element of `GET .../pulls/{n}/commits`). */
export function commitObject(state: FakeGitHubState, commit: SeededCommit): JsonObject {
  const example = rewriteRepository(githubExampleItem('commit-items'), state.owner, state.repo);
  const text = JSON.stringify(example).replaceAll('6dcb09b5b57875f334f61aebed695e2e4193db5e', commit.sha);
  const rewritten = JSON.parse(text) as JsonObject;
  const author = commit.author ?? { login: 'octo-dev', type: 'User' as const };
  const inner = rewritten.commit as JsonObject;
  const person = {
    name: author.login,
    email: `${author.login}@users.noreply.github.com`,
    date: '2026-01-01T00:00:00Z',
  };
  return {
    ...rewritten,
    sha: commit.sha,
    node_id: Buffer.from(`C_${commit.sha}`).toString('base64'),
    commit: { ...inner, message: commit.message, author: person, committer: person },
    author: githubUser(author),
    committer: githubUser(author),
    parents: [],
  };
}
