import { describe, expect, it } from 'vitest';
import {
  generatedFiles,
  pullRequestPayload,
  pullRequestTarget,
  pushPayload,
  runAction,
  type GitHubHarness,
} from '../harness/index.js';
import { runOnPullRequest, useCheckout, useGitHubHarness } from './use-fixtures.js';

// The marker carries the head commit and when the PR last changed: `<!-- backend-developer:report sha=… at=… -->`.
const MARKER = '<!-- backend-developer:report ';

const github = useGitHubHarness();
const repo = useCheckout('auth-service');

function seedCheckoutPr(overrides: Parameters<GitHubHarness['fake']['seed']['pullRequest']>[0] = {}) {
  return github.harness.fake.seed.pullRequest({
    number: 7,
    title: 'feat(auth): log in with a password',
    headSha: repo.checkout.headSha,
    baseSha: repo.checkout.baseSha,
    headRef: 'feature/login',
    files: repo.checkout.files,
    ...overrides,
  });
}

function reportComments() {
  return github.harness.fake.state.comments.filter((c) => c.body.startsWith(MARKER));
}

describe.each(['node20', 'node24'] as const)('the report comment under %s', (node) => {
  it('posts one report on opened and edits the same comment on synchronize and reopened', async () => {
    seedCheckoutPr();
    const payload = (action: 'opened' | 'synchronize' | 'reopened') =>
      pullRequestPayload(action, pullRequestTarget(github.harness.fake.state, 7));
    const opened = await runAction({
      event: 'pull_request',
      payload: payload('opened'),
      inputs: { validate: 'none' },
      apiUrl: github.harness.apiUrl,
      node,
      cwd: repo.checkout.dir,
    });
    expect(opened.stderr).toBe('');
    expect(opened.exitCode).toBe(0);
    expect(reportComments()).toHaveLength(1);
    const [first] = reportComments();
    expect(first?.body).toContain('## Backend Feature Delivered – feat(auth): log in with a password (#7)');
    expect(first?.body).toContain('`src/auth/login.js`');
    expect(opened.outputs['comment-url']).toMatch(/#issuecomment-\d+$/);
    expect(opened.outputs['report-type']).toBe('implementation');
    expect(opened.summary).toContain('Backend Feature Delivered');

    const synchronize = await runAction({
      event: 'pull_request',
      payload: payload('synchronize'),
      inputs: { validate: 'none' },
      apiUrl: github.harness.apiUrl,
      node,
      cwd: repo.checkout.dir,
    });
    expect(synchronize.exitCode).toBe(0);
    const reopened = await runAction({
      event: 'pull_request',
      payload: payload('reopened'),
      inputs: { validate: 'none' },
      apiUrl: github.harness.apiUrl,
      node,
      cwd: repo.checkout.dir,
    });
    expect(reopened.exitCode).toBe(0);

    expect(reportComments()).toHaveLength(1);
    expect(reportComments()[0]?.id).toBe(first?.id);
    // Each run shows "in progress" first, then the result: one create, then five edits.
    expect(
      github.harness.fake
        .requests('issues/create-comment')
        .filter((r) => r.body && JSON.stringify(r.body).includes(MARKER)),
    ).toHaveLength(1);
    expect(github.harness.fake.requests('issues/update-comment').length).toBeGreaterThanOrEqual(5);
    expect(github.harness.violations()).toEqual([]);
  });
});

describe('events the action does not act on', () => {
  it('ends a push with a notice and exit code 0', async () => {
    const run = await runAction({ event: 'push', payload: pushPayload(), apiUrl: github.harness.apiUrl });
    expect(run.exitCode).toBe(0);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'notice', message: expect.stringContaining('`push` is not handled') }),
    );
    expect(github.harness.fake.requests()).toEqual([]);
  });

  it('skips a draft pull request without commenting', async () => {
    seedCheckoutPr({ draft: true });
    const run = await runOnPullRequest(github.harness, 7, { inputs: {}, cwd: repo.checkout.dir });
    expect(run.exitCode).toBe(0);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'notice', message: expect.stringContaining('is a draft') }),
    );
    expect(github.harness.fake.state.comments).toEqual([]);
  });
});

describe('bad input', () => {
  it('reports a broken config file and a binary file, and goes on with the defaults', async () => {
    seedCheckoutPr({ files: [...repo.checkout.files, { filename: 'docs/diagram.png', status: 'added' }] });
    github.harness.fake.seed.content(
      '.github/backend-developer.yml',
      'validation: { paralel: 2 }\nignore: [',
    );
    const run = await runOnPullRequest(github.harness, 7, { cwd: repo.checkout.dir });
    expect(run.exitCode).toBe(0);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: expect.stringContaining('.github/backend-developer.yml is not valid YAML'),
      }),
    );
    const [report] = reportComments();
    expect(report?.body).toContain('⚠️ .github/backend-developer.yml is not valid YAML');
    expect(report?.body).toContain('`docs/diagram.png` — binary');
    expect(report?.body).toContain('### Key Endpoints/APIs');
    expect(github.harness.violations()).toEqual([]);
  });
});

describe('a read-only token', () => {
  it('warns which permission to grant, keeps the report in the summary and does not fail', async () => {
    seedCheckoutPr();
    github.harness.fake.fail('issues/create-comment', { status: 403, times: 'always' });
    const run = await runOnPullRequest(github.harness, 7, { cwd: repo.checkout.dir });
    expect(run.exitCode).toBe(0);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: expect.stringContaining('`pull-requests: write`'),
      }),
    );
    expect(run.summary).toContain('Backend Feature Delivered');
    expect(github.harness.fake.state.comments).toEqual([]);
    expect(github.harness.violations()).toEqual([]);
  });
});

describe('a pull request with thousands of files', () => {
  it('analyses 3,000 files and a 100,000-line diff, keeping the comment within 65,536 characters and saying it was cut', async () => {
    const files = generatedFiles(3000).map((file, i) => {
      const lines = Array.from({ length: 34 }, (_, n) =>
        n === 0
          ? `+router.get('/items/${i}', listItems${i});`
          : `+export const value${n} = compute(${n}, 'svc-${i}');`,
      );
      return {
        ...file,
        filename: `services/svc-${i % 40}/src/routes/r${i}.ts`,
        status: 'added' as const,
        patch: `@@ -0,0 +1,34 @@\n${lines.join('\n')}`,
      };
    });
    github.harness.fake.seed.pullRequest({ number: 9, title: 'Regenerate clients', files });
    const run = await runOnPullRequest(github.harness, 9);
    expect(run.exitCode).toBe(0);
    const [comment] = github.harness.fake.state.comments.filter((c) => c.body.startsWith(MARKER));
    expect(comment).toBeDefined();
    expect(comment!.body.length).toBeLessThanOrEqual(65_536);
    expect(comment!.body).toContain('3000 files changed, +102000 −0');
    expect(comment!.body).toContain('This report was cut to fit');
    expect(run.summary.length).toBeGreaterThan(0);
    expect(github.harness.fake.requests('pulls/list-files')).toHaveLength(30);
    expect(github.harness.violations()).toEqual([]);
  });
});
