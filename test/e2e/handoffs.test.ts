import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  issueCommentPayload,
  pullRequestPayload,
  pullRequestTarget,
  runAction,
  startGitHubHarness,
  type GitHubHarness,
} from '../harness/index.js';
import { makeCheckout, type Checkout } from './checkout.js';

const SECURITY_MARKER = '<!-- backend-developer:review:security -->';

let harness: GitHubHarness;
let checkout: Checkout;

beforeAll(async () => {
  harness = await startGitHubHarness();
  checkout = makeCheckout('auth-service');
});
afterAll(async () => {
  await harness?.stop();
  checkout?.remove();
});
beforeEach(() => {
  harness.fake.reset();
  harness.clearViolations();
  harness.fake.seed.pullRequest({
    number: 7,
    title: 'feat(auth): log in with a password',
    headSha: checkout.headSha,
    baseSha: checkout.baseSha,
    headRef: 'feature/login',
    files: checkout.files,
  });
});

const areaComments = (area: string) =>
  harness.fake.state.comments.filter((c) => c.body.startsWith(`<!-- backend-developer:review:${area} -->`));

describe('automatic handoffs', () => {
  it('labels a PR touching src/auth/, posts the security review and inline comments in one run, and repeats none on a re-run', async () => {
    const payload = pullRequestPayload('opened', pullRequestTarget(harness.fake.state, 7));
    const first = await runAction({
      event: 'pull_request',
      payload,
      inputs: { validate: 'none' },
      apiUrl: harness.apiUrl,
      cwd: checkout.dir,
    });
    expect(first.exitCode).toBe(0);
    expect(harness.fake.state.pullRequests.get(7)?.labels).toContain('handoff:security');
    expect(harness.fake.state.labels.get('handoff:security')?.description).toBeTruthy();
    const [security] = areaComments('security');
    expect(security?.body).toContain(SECURITY_MARKER);
    expect(security?.body).toMatch(/security\/[a-z-]+/);
    const inline = harness.fake.state.reviewComments.filter((c) => c.path === 'src/auth/login.js');
    expect(inline.length).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(first.outputs.handoffs ?? '[]')).toContain('security');
    expect(Number(first.outputs.findings)).toBeGreaterThanOrEqual(inline.length);
    const report = harness.fake.state.comments.find((c) =>
      c.body.startsWith('<!-- backend-developer:report -->'),
    );
    expect(report?.body).toContain('### Handoffs');
    expect(report?.body).toMatch(/Security audit\]\(https:\/\/github\.com\/[^)]+#issuecomment-\d+\)/);

    const again = await runAction({
      event: 'pull_request',
      payload: pullRequestPayload('synchronize', pullRequestTarget(harness.fake.state, 7)),
      inputs: { validate: 'none' },
      apiUrl: harness.apiUrl,
      cwd: checkout.dir,
    });
    expect(again.exitCode).toBe(0);
    expect(harness.fake.state.reviewComments.filter((c) => c.path === 'src/auth/login.js')).toHaveLength(
      inline.length,
    );
    expect(areaComments('security')).toHaveLength(1);
    expect(harness.violations()).toEqual([]);
  });

  it('fails the step on high findings only with fail-on: high-findings', async () => {
    const run = await runAction({
      event: 'pull_request',
      payload: pullRequestPayload('opened', pullRequestTarget(harness.fake.state, 7)),
      inputs: { validate: 'none', 'fail-on': 'high-findings' },
      apiUrl: harness.apiUrl,
      cwd: checkout.dir,
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', message: expect.stringContaining('high-severity') }),
    );
  });
});

describe('a handoff label added by a person', () => {
  it('runs only that area, without the report', async () => {
    const payload = pullRequestPayload('labeled', {
      ...pullRequestTarget(harness.fake.state, 7),
      label: 'handoff:performance',
    });
    const run = await runAction({
      event: 'pull_request',
      payload,
      apiUrl: harness.apiUrl,
      cwd: checkout.dir,
    });
    expect(run.exitCode).toBe(0);
    expect(areaComments('performance')).toHaveLength(1);
    expect(areaComments('security')).toHaveLength(0);
    expect(
      harness.fake.state.comments.some((c) => c.body.startsWith('<!-- backend-developer:report -->')),
    ).toBe(false);
    expect(JSON.parse(run.outputs.handoffs ?? '[]')).toEqual(['performance']);
    expect(harness.violations()).toEqual([]);
  });

  it('ignores a label that is not a handoff', async () => {
    const payload = pullRequestPayload('labeled', {
      ...pullRequestTarget(harness.fake.state, 7),
      label: 'enhancement',
    });
    const run = await runAction({
      event: 'pull_request',
      payload,
      apiUrl: harness.apiUrl,
      cwd: checkout.dir,
    });
    expect(run.exitCode).toBe(0);
    expect(harness.fake.state.comments).toEqual([]);
  });
});

describe('/backend commands', () => {
  function command(
    body: string,
    user: string,
    options: { userType?: 'User' | 'Bot'; action?: 'created' | 'edited' } = {},
  ) {
    const seeded = harness.fake.seed.comment({
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
    harness.fake.state.comments.find((c) => c.body === body)?.reactions.map((r) => r.content) ?? [];

  it('runs /backend review performance for a user with write access and reacts 👀 then 🚀', async () => {
    harness.fake.seed.permission('alice', 'write');
    const run = await runAction({
      event: 'issue_comment',
      payload: command('/backend review performance', 'alice'),
      apiUrl: harness.apiUrl,
      cwd: checkout.dir,
    });
    expect(run.exitCode).toBe(0);
    expect(areaComments('performance')).toHaveLength(1);
    expect(reactions('/backend review performance')).toEqual(['eyes', 'rocket']);
    expect(harness.violations()).toEqual([]);
  });

  it('refuses a user with read access with 😕 and runs no review', async () => {
    harness.fake.seed.permission('bob', 'read');
    const run = await runAction({
      event: 'issue_comment',
      payload: command('/backend review performance', 'bob'),
      apiUrl: harness.apiUrl,
      cwd: checkout.dir,
    });
    expect(run.exitCode).toBe(0);
    expect(areaComments('performance')).toHaveLength(0);
    expect(reactions('/backend review performance')).toEqual(['confused']);
    expect(
      harness.fake.state.comments.some(
        (c) => c.body.includes('/backend help') || c.body.includes('`/backend` commands'),
      ),
    ).toBe(true);
  });

  it('ignores commands from bots and edited comments', async () => {
    harness.fake.seed.permission('alice', 'admin');
    const bot = await runAction({
      event: 'issue_comment',
      payload: command('/backend report', 'ci-helper[bot]', { userType: 'Bot' }),
      apiUrl: harness.apiUrl,
      cwd: checkout.dir,
    });
    const edited = await runAction({
      event: 'issue_comment',
      payload: command('/backend report', 'alice', { action: 'edited' }),
      apiUrl: harness.apiUrl,
      cwd: checkout.dir,
    });
    expect(bot.exitCode).toBe(0);
    expect(edited.exitCode).toBe(0);
    expect(harness.fake.state.comments.every((c) => c.reactions.length === 0)).toBe(true);
    expect(harness.fake.state.comments.some((c) => c.body.startsWith('<!-- backend-developer:'))).toBe(false);
  });

  it('answers /backend help and an unknown command', async () => {
    harness.fake.seed.permission('alice', 'write');
    await runAction({
      event: 'issue_comment',
      payload: command('/backend help', 'alice'),
      apiUrl: harness.apiUrl,
      cwd: checkout.dir,
    });
    await runAction({
      event: 'issue_comment',
      payload: command('/backend deploy production', 'alice'),
      apiUrl: harness.apiUrl,
      cwd: checkout.dir,
    });
    expect(reactions('/backend help')).toEqual(['eyes', 'rocket']);
    expect(reactions('/backend deploy production')).toEqual(['eyes', 'confused']);
    const replies = harness.fake.state.comments.filter((c) =>
      c.body.startsWith('<!-- backend-developer:command-reply -->'),
    );
    expect(replies).toHaveLength(2);
    expect(replies[1]?.body).toContain("I don't know `/backend deploy production`");
  });
});
