import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOctokit } from '../../src/github/create-octokit.js';
import { GitHubCallError, MissingPermissionError, SkippedCallError } from '../../src/github/gateway.js';
import { OctokitGateway } from '../../src/github/octokit-gateway.js';
import { DEFAULT_OWNER, DEFAULT_REPO, startGitHubHarness, type GitHubHarness } from '../harness/index.js';

// The real Octokit client, configured as the action configures it, against the fake GitHub behind Prism.
let harness: GitHubHarness;
let gateway: OctokitGateway;
const logged: string[] = [];

beforeAll(async () => {
  harness = await startGitHubHarness();
});
afterAll(async () => harness?.stop());
beforeEach(() => {
  // A gateway per test, as per run: it remembers refusals for the rest of the run.
  const octokit = createOctokit({
    token: 'ghs_test',
    baseUrl: harness.apiUrl,
    log: { info: (m) => void logged.push(m), debug: () => undefined },
  });
  gateway = new OctokitGateway(octokit, { owner: DEFAULT_OWNER, repo: DEFAULT_REPO });
  harness.fake.reset();
  harness.clearViolations();
  harness.fake.seed.pullRequest({ number: 7 });
});

const creates = () => harness.fake.requests('issues/create-comment');

describe('creating a comment', () => {
  it('does not post again when GitHub stored the comment but answered 502: it finds it instead', async () => {
    harness.fake.fail('issues/create-comment', { status: 502, afterEffect: true });
    const comment = await gateway.createComment(7, '<!-- backend-developer:report -->\nReport');
    expect(creates()).toHaveLength(1);
    expect(harness.fake.state.comments.map((c) => c.id)).toEqual([comment.id]);
    expect(comment.body).toBe('<!-- backend-developer:report -->\nReport');
    expect(harness.violations()).toEqual([]);
  });

  it('does not post again when the connection dropped after GitHub stored the comment', async () => {
    harness.fake.fail('issues/create-comment', { status: 502, afterEffect: true, dropConnection: true });
    const comment = await gateway.createComment(7, '<!-- backend-developer:report -->\nReport');
    expect(creates()).toHaveLength(1);
    expect(harness.fake.state.comments.map((c) => c.id)).toEqual([comment.id]);
  });

  it('says the connection dropped when it keeps dropping, after three attempts', async () => {
    harness.fake.fail('issues/create-comment', { status: 502, dropConnection: true, times: 'always' });
    const error = await gateway.createComment(7, 'Hello').catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /^Could not post a pull request comment \(`POST \/repos\/octo-org\/orders-service\/issues\/7\/comments`\): GitHub did not answer, after retries \(.+\)\.$/,
    );
    expect(creates()).toHaveLength(3);
    expect(harness.fake.state.comments).toEqual([]);
  }, 30_000);

  it('posts again after a 502 when the comment is not there', async () => {
    harness.fake.fail('issues/create-comment', { status: 502 });
    await gateway.createComment(7, 'Hello');
    expect(creates().map((r) => r.status)).toEqual([502, 201]);
    expect(harness.fake.requests('issues/list-comments')).toHaveLength(1);
    expect(harness.fake.state.comments.map((c) => c.body)).toEqual(['Hello']);
  });

  it('returns the comment another run created with the same marker instead of adding a second', async () => {
    harness.fake.seed.comment({
      issueNumber: 7,
      body: '<!-- backend-developer:report sha=abc -->\nTheirs',
      user: { login: 'github-actions[bot]', type: 'Bot' },
    });
    harness.fake.fail('issues/create-comment', { status: 503 });
    const comment = await gateway.createComment(7, '<!-- backend-developer:report -->\nOurs', (c) =>
      c.body.startsWith('<!-- backend-developer:report'),
    );
    expect(comment.body).toContain('Theirs');
    expect(harness.fake.state.comments).toHaveLength(1);
  });

  it('gives up after three attempts with one error naming the call', async () => {
    harness.fake.fail('issues/create-comment', { status: 502, times: 'always' });
    const error = await gateway.createComment(7, 'Hello').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubCallError);
    expect((error as Error).message).toBe(
      `Could not post a pull request comment (\`POST /repos/${DEFAULT_OWNER}/${DEFAULT_REPO}/issues/7/comments\`): GitHub did not answer it successfully after retries (HTTP 502).`,
    );
    expect(creates()).toHaveLength(3);
  }, 30_000);

  it('names the permission to grant when GitHub refuses the write', async () => {
    harness.fake.fail('issues/create-comment', { status: 403 });
    const error = await gateway.createComment(7, 'Hello').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingPermissionError);
    expect((error as Error).message).toContain('grant `pull-requests: write`');
    expect(creates()).toHaveLength(1);
  });
});

describe('a failure that lasts for the run', () => {
  it('makes no further write needing a refused permission, but still reads and writes what needs another', async () => {
    harness.fake.fail('issues/create-comment', { status: 403 });
    await gateway.createComment(7, 'Hello').catch(() => undefined);
    const skipped = await gateway
      .createReview(7, 'a'.repeat(40), 'Review', [], () => false)
      .catch((e: unknown) => e);
    expect(skipped).toBeInstanceOf(SkippedCallError);
    expect((skipped as SkippedCallError).earlier).toBeInstanceOf(MissingPermissionError);
    expect((skipped as Error).message).toContain('Could not post a pull request review');
    expect(harness.fake.requests('pulls/create-review')).toEqual([]);
    expect(creates()).toHaveLength(1);
    expect(await gateway.listComments(7)).toEqual([]);
    await gateway.addLabels(7, ['handoff:qa']);
    expect(harness.fake.state.pullRequests.get(7)?.labels).toEqual(['handoff:qa']);
  });

  it('makes no call at all once the rate limit is used up', async () => {
    harness.fake.fail('issues/list-comments', {
      status: 403,
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1),
      },
      times: 'always',
    });
    const first = await gateway.listComments(7).catch((e: unknown) => e);
    expect((first as GitHubCallError).limit).toBe('primary');
    const calls = harness.fake.requests().length;
    expect(await gateway.addLabels(7, ['handoff:qa']).catch((e: unknown) => e)).toBeInstanceOf(
      SkippedCallError,
    );
    expect(await gateway.listReviewComments(7).catch((e: unknown) => e)).toBeInstanceOf(SkippedCallError);
    expect(harness.fake.requests()).toHaveLength(calls);
  }, 60_000);
});

describe('reading and idempotent writes', () => {
  it('retries a GET that failed with 502', async () => {
    harness.fake.fail('issues/list-comments', { status: 502 });
    expect(await gateway.listComments(7)).toEqual([]);
    expect(harness.fake.requests('issues/list-comments').map((r) => r.status)).toEqual([502, 200]);
  }, 30_000);

  it('retries adding labels, which is safe to repeat', async () => {
    harness.fake.fail('issues/add-labels', { status: 502, afterEffect: true });
    await gateway.addLabels(7, ['handoff:qa']);
    expect(harness.fake.requests('issues/add-labels')).toHaveLength(2);
    expect(harness.fake.state.pullRequests.get(7)?.labels).toEqual(['handoff:qa']);
  }, 30_000);

  it('says GitHub did not answer when no connection can be made, after retrying', async () => {
    const unreachable = new OctokitGateway(
      createOctokit({
        token: 'ghs_test',
        baseUrl: 'http://127.0.0.1:9',
        log: { info: () => undefined, debug: () => undefined },
      }),
      { owner: DEFAULT_OWNER, repo: DEFAULT_REPO },
    );
    const error = await unreachable.listComments(7).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubCallError);
    expect((error as Error).message).toMatch(
      /^Could not list the pull request comments \(`GET \/repos\/octo-org\/orders-service\/issues\/7\/comments`\): GitHub did not answer, after retries \(.+\)\.$/,
    );
  }, 60_000);

  it('reads a file at a ref once per run, and a missing one too', async () => {
    harness.fake.seed.content('.github/backend-developer.yml', 'ignore: []\n', 'main');
    expect(await gateway.readFileAtRef('.github/backend-developer.yml', 'main')).toBe('ignore: []\n');
    expect(await gateway.readFileAtRef('.github/backend-developer.yml', 'main')).toBe('ignore: []\n');
    expect(await gateway.readFileAtRef('missing.yml', 'main')).toBeUndefined();
    expect(await gateway.readFileAtRef('missing.yml', 'main')).toBeUndefined();
    expect(harness.fake.requests('repos/get-content').map((r) => r.status)).toEqual([200, 404]);
  });

  it('takes deleting a comment that is already gone as done', async () => {
    const comment = harness.fake.seed.comment({ issueNumber: 7, body: 'x' });
    await gateway.deleteComment(comment.id);
    await gateway.deleteComment(comment.id);
    expect(harness.fake.requests('issues/delete-comment').map((r) => r.status)).toEqual([204, 404]);
  });
});

describe('posting a review', () => {
  const inline = {
    path: 'src/app.ts',
    line: 1,
    body: 'Problem\n<!-- backend-developer:finding:0123456789abcdef0123 -->',
  };
  beforeEach(() => {
    harness.fake.seed.pullRequest({
      number: 8,
      files: [{ filename: 'src/app.ts', status: 'added', patch: '@@ -0,0 +1 @@\n+export const a = 1;' }],
    });
  });
  const recognise = (c: { body: string }) => c.body.includes('finding:0123456789abcdef0123');

  it('does not post it twice when GitHub stored it but answered 502', async () => {
    harness.fake.fail('pulls/create-review', { status: 502, afterEffect: true });
    await gateway.createReview(
      8,
      harness.fake.state.pullRequests.get(8)?.headSha ?? '',
      'Summary',
      [inline],
      recognise,
    );
    expect(harness.fake.requests('pulls/create-review')).toHaveLength(1);
    expect(harness.fake.state.reviews).toHaveLength(1);
    expect(harness.violations()).toEqual([]);
  });
});
