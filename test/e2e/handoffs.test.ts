import { beforeEach, describe, expect, it } from 'vitest';
import { issueCommentPayload, pullRequestPayload, pullRequestTarget, runAction } from '../harness/index.js';
import { runOnPullRequest, useCheckout, useGitHubHarness } from './use-fixtures.js';

const SECURITY_MARKER = '<!-- backend-developer:review:security ';

const github = useGitHubHarness();
const repo = useCheckout('auth-service');

beforeEach(() => {
  github.harness.fake.seed.pullRequest({
    number: 7,
    title: 'feat(auth): log in with a password',
    headSha: repo.checkout.headSha,
    baseSha: repo.checkout.baseSha,
    headRef: 'feature/login',
    files: repo.checkout.files,
  });
});

const areaComments = (area: string) =>
  github.harness.fake.state.comments.filter((c) =>
    c.body.startsWith(`<!-- backend-developer:review:${area} `),
  );

describe('automatic handoffs', () => {
  it('labels a PR touching src/auth/, posts the security review and inline comments in one run, and repeats none on a re-run', async () => {
    const payload = pullRequestPayload('opened', pullRequestTarget(github.harness.fake.state, 7));
    const first = await runAction({
      event: 'pull_request',
      payload,
      inputs: { validate: 'none' },
      apiUrl: github.harness.apiUrl,
      cwd: repo.checkout.dir,
    });
    expect(first.exitCode).toBe(0);
    expect(github.harness.fake.state.pullRequests.get(7)?.labels).toContain('handoff:security');
    expect(github.harness.fake.state.labels.get('handoff:security')?.description).toBeTruthy();
    const [security] = areaComments('security');
    expect(security?.body).toContain(SECURITY_MARKER);
    expect(security?.body).toMatch(/security\/[a-z-]+/);
    const inline = github.harness.fake.state.reviewComments.filter((c) => c.path === 'src/auth/login.js');
    expect(inline.length).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(first.outputs.handoffs ?? '[]')).toContain('security');
    expect(Number(first.outputs.findings)).toBeGreaterThanOrEqual(inline.length);
    const report = github.harness.fake.state.comments.find((c) =>
      c.body.startsWith('<!-- backend-developer:report '),
    );
    expect(report?.body).toContain('### Handoffs');
    expect(report?.body).toMatch(/Security audit\]\(https:\/\/github\.com\/[^)]+#issuecomment-\d+\)/);

    const again = await runOnPullRequest(github.harness, 7, {
      action: 'synchronize',
      cwd: repo.checkout.dir,
    });
    expect(again.exitCode).toBe(0);
    expect(
      github.harness.fake.state.reviewComments.filter((c) => c.path === 'src/auth/login.js'),
    ).toHaveLength(inline.length);
    expect(areaComments('security')).toHaveLength(1);
    expect(github.harness.violations()).toEqual([]);
  });

  it('fails the step on high findings only with fail-on: high-findings', async () => {
    const run = await runOnPullRequest(github.harness, 7, {
      inputs: { validate: 'none', 'fail-on': 'high-findings' },
      cwd: repo.checkout.dir,
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', message: expect.stringContaining('high-severity') }),
    );
  });
});

describe('a handoff label added by a person', () => {
  it('runs only that area, without the report', async () => {
    const run = await runOnPullRequest(github.harness, 7, {
      action: 'labeled',
      label: 'handoff:performance',
      inputs: {},
      cwd: repo.checkout.dir,
    });
    expect(run.exitCode).toBe(0);
    expect(areaComments('performance')).toHaveLength(1);
    expect(areaComments('security')).toHaveLength(0);
    expect(
      github.harness.fake.state.comments.some((c) => c.body.startsWith('<!-- backend-developer:report ')),
    ).toBe(false);
    expect(JSON.parse(run.outputs.handoffs ?? '[]')).toEqual(['performance']);
    expect(github.harness.violations()).toEqual([]);
  });

  it('ignores a label that is not a handoff', async () => {
    const run = await runOnPullRequest(github.harness, 7, {
      action: 'labeled',
      label: 'enhancement',
      inputs: {},
      cwd: repo.checkout.dir,
    });
    expect(run.exitCode).toBe(0);
    expect(github.harness.fake.state.comments).toEqual([]);
  });
});

describe('/backend commands', () => {
  function command(
    body: string,
    user: string,
    options: { userType?: 'User' | 'Bot'; action?: 'created' | 'edited' } = {},
  ) {
    const seeded = github.harness.fake.seed.comment({
      issueNumber: 7,
      body,
      user: { login: user, type: options.userType ?? 'User' },
    });
    return issueCommentPayload(body, {
      number: 7,
      user,
      commentId: seeded.id,
      ...(options.userType ? { userType: options.userType } : {}),
      ...(options.action ? { action: options.action } : {}),
    });
  }
  const reactions = (body: string) =>
    github.harness.fake.state.comments.find((c) => c.body === body)?.reactions.map((r) => r.content) ?? [];

  it('runs /backend review performance for a user with write access and reacts 👀 then 🚀', async () => {
    github.harness.fake.seed.permission('alice', 'write');
    const run = await runAction({
      event: 'issue_comment',
      payload: command('/backend review performance', 'alice'),
      apiUrl: github.harness.apiUrl,
      cwd: repo.checkout.dir,
    });
    expect(run.exitCode).toBe(0);
    expect(areaComments('performance')).toHaveLength(1);
    expect(reactions('/backend review performance')).toEqual(['eyes', 'rocket']);
    expect(github.harness.violations()).toEqual([]);
  });

  it('refuses a user with read access with 😕 and runs no review', async () => {
    github.harness.fake.seed.permission('bob', 'read');
    const run = await runAction({
      event: 'issue_comment',
      payload: command('/backend review performance', 'bob'),
      apiUrl: github.harness.apiUrl,
      cwd: repo.checkout.dir,
    });
    expect(run.exitCode).toBe(0);
    expect(areaComments('performance')).toHaveLength(0);
    expect(reactions('/backend review performance')).toEqual(['confused']);
    expect(
      github.harness.fake.state.comments.some(
        (c) => c.body.includes('/backend help') || c.body.includes('`/backend` commands'),
      ),
    ).toBe(true);
  });

  it('ignores commands from bots and edited comments', async () => {
    github.harness.fake.seed.permission('alice', 'admin');
    const bot = await runAction({
      event: 'issue_comment',
      payload: command('/backend report', 'ci-helper[bot]', { userType: 'Bot' }),
      apiUrl: github.harness.apiUrl,
      cwd: repo.checkout.dir,
    });
    const edited = await runAction({
      event: 'issue_comment',
      payload: command('/backend report', 'alice', { action: 'edited' }),
      apiUrl: github.harness.apiUrl,
      cwd: repo.checkout.dir,
    });
    expect(bot.exitCode).toBe(0);
    expect(edited.exitCode).toBe(0);
    expect(github.harness.fake.state.comments.every((c) => c.reactions.length === 0)).toBe(true);
    expect(github.harness.fake.state.comments.some((c) => c.body.startsWith('<!-- backend-developer:'))).toBe(
      false,
    );
  });

  it('answers /backend help and an unknown command', async () => {
    github.harness.fake.seed.permission('alice', 'write');
    await runAction({
      event: 'issue_comment',
      payload: command('/backend help', 'alice'),
      apiUrl: github.harness.apiUrl,
      cwd: repo.checkout.dir,
    });
    await runAction({
      event: 'issue_comment',
      payload: command('/backend deploy production', 'alice'),
      apiUrl: github.harness.apiUrl,
      cwd: repo.checkout.dir,
    });
    expect(reactions('/backend help')).toEqual(['eyes', 'rocket']);
    expect(reactions('/backend deploy production')).toEqual(['eyes', 'confused']);
    const replies = github.harness.fake.state.comments.filter((c) =>
      c.body.startsWith('<!-- backend-developer:command-reply -->'),
    );
    expect(replies).toHaveLength(2);
    expect(replies[1]?.body).toContain("I don't know `/backend deploy production`");
  });
});
