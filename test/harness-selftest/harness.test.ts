import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generatedFiles } from '../harness/fake-github-seed.js';
import {
  issueCommentPayload,
  pullRequestPayload,
  pullRequestTarget,
  pushPayload,
  workflowDispatchPayload,
} from '../harness/payloads.js';
import { startGitHubHarness, type GitHubHarness } from '../harness/start-github-harness.js';

// Octokit logs every failed request; the tests below fail requests on purpose.
const quiet = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
let harness: GitHubHarness;
let octokit: Octokit;
let owner: string;
let repo: string;

beforeAll(async () => {
  harness = await startGitHubHarness();
  ({ owner, repo } = harness.fake.state);
  // No retries: a test must see the first answer.
  octokit = new Octokit({ baseUrl: harness.apiUrl, auth: 'ghs_test', request: { retries: 0 }, log: quiet });
});

afterAll(async () => {
  await harness?.stop();
});

beforeEach(() => {
  harness.fake.reset();
  harness.clearViolations();
});

describe('the fake behind Prism', () => {
  it('creates, lists and updates comments with increasing ids, bot author and GitHub URLs', async () => {
    harness.fake.seed.pullRequest({ number: 5 });
    const first = await octokit.rest.issues.createComment({ owner, repo, issue_number: 5, body: 'first' });
    const second = await octokit.rest.issues.createComment({ owner, repo, issue_number: 5, body: 'second' });
    const updated = await octokit.rest.issues.updateComment({
      owner,
      repo,
      comment_id: first.data.id,
      body: 'edited',
    });
    const listed = await octokit.rest.issues.listComments({ owner, repo, issue_number: 5 });

    expect(first.status).toBe(201);
    expect(second.data.id).toBeGreaterThan(first.data.id);
    expect(first.data.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' });
    expect(first.data.html_url).toBe(
      `https://github.com/${owner}/${repo}/pull/5#issuecomment-${first.data.id}`,
    );
    expect(Date.parse(updated.data.updated_at)).toBeGreaterThan(Date.parse(updated.data.created_at));
    expect(listed.data.map((comment) => comment.body)).toEqual(['edited', 'second']);
    expect(harness.violations()).toEqual([]);
  });

  it('pages through 250 files with a Link header Octokit follows', async () => {
    harness.fake.seed.pullRequest({ number: 9, files: generatedFiles(250) });
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: 9,
      per_page: 100,
    });
    const pages = harness.fake.requests('pulls/list-files').map((request) => request.query.page ?? '1');

    expect(files).toHaveLength(250);
    expect(files[249]?.filename).toBe('src/file-0250.ts');
    expect(pages).toEqual(['1', '2', '3']);
    expect(harness.violations()).toEqual([]);
  });

  it('links first, prev, next and last pages the way GitHub orders them', async () => {
    harness.fake.seed.pullRequest({ number: 9, files: generatedFiles(250) });
    const middle = await octokit.rest.pulls.listFiles({
      owner,
      repo,
      pull_number: 9,
      per_page: 100,
      page: 2,
    });

    expect(middle.headers.link).toBe(
      [
        `<${harness.apiUrl}/repos/${owner}/${repo}/pulls/9/files?per_page=100&page=1>; rel="prev"`,
        `<${harness.apiUrl}/repos/${owner}/${repo}/pulls/9/files?per_page=100&page=3>; rel="next"`,
        `<${harness.apiUrl}/repos/${owner}/${repo}/pulls/9/files?per_page=100&page=3>; rel="last"`,
        `<${harness.apiUrl}/repos/${owner}/${repo}/pulls/9/files?per_page=100&page=1>; rel="first"`,
      ].join(', '),
    );
  });

  it('answers the pull request, its commits and its issue with the seeded values', async () => {
    harness.fake.seed.pullRequest({
      number: 3,
      title: 'Fix totals',
      draft: true,
      labels: ['bug'],
      headRef: 'fix/totals',
    });
    const pr = await octokit.rest.pulls.get({ owner, repo, pull_number: 3 });
    const commits = await octokit.rest.pulls.listCommits({ owner, repo, pull_number: 3 });
    const issue = await octokit.rest.issues.get({ owner, repo, issue_number: 3 });

    expect(pr.data).toMatchObject({
      number: 3,
      title: 'Fix totals',
      draft: true,
      head: { ref: 'fix/totals' },
    });
    expect(pr.data.labels.map((label) => label.name)).toEqual(['bug']);
    expect(commits.data[0]?.sha).toBe(pr.data.head.sha);
    expect(issue.data.pull_request?.html_url).toBe(`https://github.com/${owner}/${repo}/pull/3`);
    expect(harness.violations()).toEqual([]);
  });

  it('folds maintain into write and triage into read, keeping role_name', async () => {
    harness.fake.seed.permission('maintainer', 'maintain');
    harness.fake.seed.permission('triager', 'triage');
    const maintain = await octokit.rest.repos.getCollaboratorPermissionLevel({
      owner,
      repo,
      username: 'maintainer',
    });
    const triage = await octokit.rest.repos.getCollaboratorPermissionLevel({
      owner,
      repo,
      username: 'triager',
    });

    expect([maintain.data.permission, maintain.data.role_name]).toEqual(['write', 'maintain']);
    expect([triage.data.permission, triage.data.role_name]).toEqual(['read', 'triage']);
    expect(harness.violations()).toEqual([]);
  });

  it('posts a review with inline comments on diff lines and lists them back', async () => {
    harness.fake.seed.pullRequest({ number: 4, files: generatedFiles(2) });
    const review = await octokit.rest.pulls.createReview({
      owner,
      repo,
      pull_number: 4,
      event: 'COMMENT',
      body: 'Security review',
      comments: [{ path: 'src/file-0001.ts', line: 2, side: 'RIGHT', body: 'Validate this value.' }],
    });
    const reviews = await octokit.rest.pulls.listReviews({ owner, repo, pull_number: 4 });
    const comments = await octokit.rest.pulls.listReviewComments({ owner, repo, pull_number: 4 });

    expect(review.data.state).toBe('COMMENTED');
    expect(reviews.data.map((item) => item.id)).toEqual([review.data.id]);
    expect(comments.data[0]).toMatchObject({
      path: 'src/file-0001.ts',
      line: 2,
      side: 'RIGHT',
      pull_request_review_id: review.data.id,
    });
    expect(harness.violations()).toEqual([]);
  });

  it('refuses an inline comment on a line outside the diff with 422', async () => {
    harness.fake.seed.pullRequest({ number: 4, files: generatedFiles(1) });
    const refused = octokit.rest.pulls.createReview({
      owner,
      repo,
      pull_number: 4,
      event: 'COMMENT',
      body: 'x',
      comments: [{ path: 'src/file-0001.ts', line: 40, side: 'RIGHT', body: 'Not in the diff.' }],
    });

    await expect(refused).rejects.toMatchObject({ status: 422 });
    expect(harness.violations()).toEqual([]);
  });

  it('refuses a comment body over 65,536 characters with 422, like GitHub', async () => {
    harness.fake.seed.pullRequest({ number: 2 });
    const tooLong = octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: 2,
      body: 'x'.repeat(65_537),
    });

    await expect(tooLong).rejects.toMatchObject({ status: 422 });
    expect(harness.fake.state.comments).toHaveLength(0);
    expect(harness.violations()).toEqual([]);
  });

  it('creates a missing label, adds it to the PR, and 404s an unknown label', async () => {
    harness.fake.seed.pullRequest({ number: 6 });
    await expect(octokit.rest.issues.getLabel({ owner, repo, name: 'handoff:qa' })).rejects.toMatchObject({
      status: 404,
    });
    await octokit.rest.issues.createLabel({ owner, repo, name: 'handoff:qa', color: '0e8a16' });
    await octokit.rest.issues.addLabels({ owner, repo, issue_number: 6, labels: ['handoff:qa'] });
    const labels = await octokit.rest.issues.listLabelsOnIssue({ owner, repo, issue_number: 6 });

    expect(labels.data.map((label) => label.name)).toEqual(['handoff:qa']);
    expect(harness.violations()).toEqual([]);
  });

  it('reacts to a comment once per content, answering 200 for a repeat', async () => {
    const comment = harness.fake.seed.comment({ issueNumber: 1, body: '/backend review security' });
    harness.fake.seed.pullRequest({ number: 1 });
    const first = await octokit.rest.reactions.createForIssueComment({
      owner,
      repo,
      comment_id: comment.id,
      content: 'eyes',
    });
    const again = await octokit.rest.reactions.createForIssueComment({
      owner,
      repo,
      comment_id: comment.id,
      content: 'eyes',
    });

    expect([first.status, again.status]).toEqual([201, 200]);
    expect(comment.reactions).toHaveLength(1);
    expect(harness.violations()).toEqual([]);
  });

  it('creates and completes a check run', async () => {
    const created = await octokit.rest.checks.create({
      owner,
      repo,
      name: 'backend',
      head_sha: 'a'.repeat(40),
      status: 'in_progress',
    });
    const done = await octokit.rest.checks.update({
      owner,
      repo,
      check_run_id: created.data.id,
      conclusion: 'failure',
      output: { title: 'Tests failed', summary: '2 failed' },
    });

    expect(done.data).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      output: { title: 'Tests failed' },
    });
    expect(harness.violations()).toEqual([]);
  });

  it('serves a config file from the contents API, as JSON or raw', async () => {
    harness.fake.seed.content('.github/backend-developer.yml', 'ignore: ["docs/**"]\n', 'main');
    const json = await octokit.rest.repos.getContent({
      owner,
      repo,
      path: '.github/backend-developer.yml',
      ref: 'main',
    });
    const raw = await octokit.rest.repos.getContent({
      owner,
      repo,
      path: '.github/backend-developer.yml',
      ref: 'main',
      mediaType: { format: 'raw' },
    });

    expect(Buffer.from((json.data as { content: string }).content, 'base64').toString()).toBe(
      'ignore: ["docs/**"]\n',
    );
    expect(raw.data).toBe('ignore: ["docs/**"]\n');
    expect(harness.violations()).toEqual([]);
  });

  it('serves the PR diff, and 406 above 300 files like GitHub', async () => {
    harness.fake.seed.pullRequest({ number: 7, files: generatedFiles(2) });
    harness.fake.seed.pullRequest({ number: 8, files: generatedFiles(301) });
    const diff = await octokit.rest.pulls.get({ owner, repo, pull_number: 7, mediaType: { format: 'diff' } });

    expect(String(diff.data)).toContain('diff --git a/src/file-0002.ts b/src/file-0002.ts');
    await expect(
      octokit.rest.pulls.get({ owner, repo, pull_number: 8, mediaType: { format: 'diff' } }),
    ).rejects.toMatchObject({ status: 406 });
    expect(harness.violations()).toEqual([]);
  });
});

describe('fault injection', () => {
  it('answers an injected 403 once with GitHub’s body, then the real result', async () => {
    harness.fake.seed.pullRequest({ number: 1 });
    harness.fake.fail('issues/create-comment', { status: 403 });
    const refused = await octokit.rest.issues
      .createComment({ owner, repo, issue_number: 1, body: 'x' })
      .catch((error: unknown) => error);
    const accepted = await octokit.rest.issues.createComment({ owner, repo, issue_number: 1, body: 'x' });

    expect(refused).toMatchObject({
      status: 403,
      response: { data: { message: 'Resource not accessible by integration', status: '403' } },
    });
    expect(accepted.status).toBe(201);
  });

  it('keeps a status GitHub’s description omits out of violations() but in allViolations()', async () => {
    harness.fake.fail('checks/create', { status: 403, times: 'always' });
    const refused = octokit.rest.checks.create({ owner, repo, name: 'backend', head_sha: 'a'.repeat(40) });

    await expect(refused).rejects.toMatchObject({ status: 403 });
    expect(harness.violations()).toEqual([]);
    expect(harness.allViolations().map((violation) => violation.severity)).toEqual(['Warning']);
  });
});

describe('violations are reported', () => {
  it('reports a request without the required comment body', async () => {
    harness.fake.seed.pullRequest({ number: 1 });
    const invalid = octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner,
      repo,
      issue_number: 1,
    } as never); // deliberately without `body`, which the operation requires

    await expect(invalid).rejects.toMatchObject({ status: 422 });
    expect(harness.violations()).toHaveLength(1);
    expect(harness.fake.requests()).toHaveLength(0);
  });

  it('reports a response that breaks GitHub’s schema', async () => {
    harness.fake.seed.pullRequest({ number: 1 });
    harness.fake.fail('pulls/get', { status: 200, body: { number: 'one' } });
    await octokit.rest.pulls.get({ owner, repo, pull_number: 1 }).catch(() => undefined);

    expect(harness.violations().some((violation) => violation.location[0] === 'response')).toBe(true);
  });

  it('reports a path GitHub’s description does not have', async () => {
    await octokit.request('GET /repos/{owner}/{repo}/branches', { owner, repo }).catch(() => undefined);

    expect(
      harness
        .violations()
        .map((violation) => violation.message)
        .join(),
    ).toContain('no path matched');
  });
});

describe('event payloads', () => {
  const actions = ['opened', 'synchronize', 'reopened', 'ready_for_review', 'labeled'] as const;

  it.each(actions)('builds a pull_request %s payload that passes GitHub’s webhook schema', async (action) => {
    const payload = pullRequestPayload(action);

    expect(payload.action).toBe(action);
    expect(await harness.checkWebhookPayload(`pull-request-${action.replaceAll('_', '-')}`, payload)).toEqual(
      [],
    );
  });

  it('points a pull_request payload at the PR seeded in the fake', () => {
    harness.fake.seed.pullRequest({
      number: 12,
      title: 'Fix rounding',
      draft: true,
      labels: ['bug'],
      headRef: 'fix/rounding',
    });
    const payload = pullRequestPayload('opened', pullRequestTarget(harness.fake.state, 12));
    const pr = payload.pull_request as Record<string, Record<string, unknown>>;
    const stored = harness.fake.state.pullRequests.get(12);

    expect(payload.number).toBe(12);
    expect(pr.title).toBe('Fix rounding');
    expect(pr.draft).toBe(true);
    expect(pr.head).toMatchObject({ ref: 'fix/rounding', sha: stored?.headSha });
    expect(pr.base).toMatchObject({ ref: 'main', sha: stored?.baseSha });
    expect((pr.labels as unknown as { name: string }[]).map((label) => label.name)).toEqual(['bug']);
    expect(payload.repository).toMatchObject({
      name: repo,
      full_name: `${owner}/${repo}`,
      owner: { login: owner },
    });
  });

  it('matches a default-seeded PR without any overrides', () => {
    const stored = harness.fake.seed.pullRequest();
    const pr = pullRequestPayload('synchronize').pull_request as Record<string, Record<string, unknown>>;

    expect(pr.number).toBe(stored.number);
    expect(pr.head?.sha).toBe(stored.headSha);
  });

  it('adds the label to a labeled payload', () => {
    const payload = pullRequestPayload('labeled', { label: 'handoff:database', labels: ['bug'] });

    expect(payload.label).toMatchObject({ name: 'handoff:database' });
    expect(
      (payload.pull_request as { labels: { name: string }[] }).labels.map((label) => label.name),
    ).toEqual(['bug', 'handoff:database']);
  });

  it('builds an issue_comment on a PR, from a human or a bot, that passes the schema', async () => {
    const human = issueCommentPayload('/backend review security', { user: 'alice', number: 4 });
    const bot = issueCommentPayload('/backend report', { user: 'renovate[bot]', userType: 'Bot' });
    const issue = human.issue as Record<string, unknown>;

    expect((human.comment as { body: string }).body).toBe('/backend review security');
    expect(issue.number).toBe(4);
    expect(issue.pull_request).toMatchObject({ html_url: `https://github.com/${owner}/${repo}/pull/4` });
    expect(human.sender).toMatchObject({ login: 'alice', type: 'User' });
    expect(bot.sender).toMatchObject({ login: 'renovate[bot]', type: 'Bot' });
    expect(await harness.checkWebhookPayload('issue-comment-created', human)).toEqual([]);
    expect(await harness.checkWebhookPayload('issue-comment-created', bot)).toEqual([]);
  });

  it('builds push and workflow_dispatch payloads that pass the schema', async () => {
    const push = pushPayload({ ref: 'refs/heads/main' });
    const dispatch = workflowDispatchPayload({ 'pr-number': '7' });

    expect(push.ref).toBe('refs/heads/main');
    expect(dispatch.inputs).toEqual({ 'pr-number': '7' });
    expect(await harness.checkWebhookPayload('push', push)).toEqual([]);
    expect(await harness.checkWebhookPayload('workflow-dispatch', dispatch)).toEqual([]);
  });

  it('reports a payload that breaks the webhook schema', async () => {
    const broken = { ...pullRequestPayload('opened'), pull_request: { number: 'one' } };

    expect((await harness.checkWebhookPayload('pull-request-opened', broken)).length).toBeGreaterThan(0);
    expect(harness.violations()).toEqual([]);
  });
});
