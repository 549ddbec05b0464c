import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { issueCommentPayload, runAction, startGitHubHarness, type GitHubHarness } from '../harness/index.js';
import { makeCheckout, type Checkout } from './checkout.js';

let harness: GitHubHarness;
let source: Checkout;
let scratch: string;

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();

beforeAll(async () => {
  harness = await startGitHubHarness();
  source = makeCheckout('auth-service');
  scratch = mkdtempSync(path.join(os.tmpdir(), 'bda-workspace-'));
});
afterAll(async () => {
  await harness?.stop();
  source?.remove();
  rmSync(scratch, { recursive: true, force: true });
});
beforeEach(() => {
  harness.fake.reset();
  harness.clearViolations();
  harness.fake.seed.pullRequest({
    number: 7,
    title: 'feat(auth): log in',
    headSha: source.headSha,
    baseSha: source.baseSha,
    files: source.files,
  });
  harness.fake.seed.permission('alice', 'write');
});

/** A clone of the default branch, as actions/checkout leaves it on an issue_comment run. */
function cloneOfDefaultBranch(name: string, withPullRef: boolean): string {
  const origin = path.join(scratch, `${name}-origin.git`);
  git(scratch, 'clone', '--quiet', '--bare', source.dir, origin);
  if (withPullRef) git(origin, 'update-ref', 'refs/pull/7/head', source.headSha);
  git(origin, 'update-ref', 'refs/heads/main', source.baseSha);
  // Without the ref, the head commit is gone from the server altogether (a force-push, a deleted fork).
  if (!withPullRef) git(origin, 'gc', '--quiet', '--prune=now');
  const clone = path.join(scratch, name);
  git(scratch, 'clone', '--quiet', '--branch', 'main', `file://${origin}`, clone);
  return clone;
}

async function reportCommand(cwd: string) {
  const seeded = harness.fake.seed.comment({
    issueNumber: 7,
    body: '/backend report',
    user: { login: 'alice', type: 'User' },
  });
  const run = await runAction({
    event: 'issue_comment',
    payload: issueCommentPayload('/backend report', { number: 7, user: 'alice', commentId: seeded.id }),
    inputs: { validate: 'none' },
    apiUrl: harness.apiUrl,
    cwd,
  });
  const report =
    harness.fake.state.comments.find((c) => c.body.startsWith('<!-- backend-developer:report '))?.body ?? '';
  return { run, report };
}

describe('the workspace a comment command analyses', () => {
  it('fetches refs/pull/<n>/head into a worktree when the checkout is the default branch', async () => {
    const { run, report } = await reportCommand(cloneOfDefaultBranch('with-ref', true));
    expect(run.exitCode).toBe(0);
    expect(report).toContain(`Analysed at \`${source.headSha.slice(0, 7)}\``);
    expect(report).toMatch(/`\.` ✏️ \| javascript/);
    expect(report).not.toContain('[!NOTE]');
  });

  it('says which commit it analysed when the PR head cannot be fetched', async () => {
    const { run, report } = await reportCommand(cloneOfDefaultBranch('without-ref', false));
    expect(run.exitCode).toBe(0);
    expect(report).toContain(
      `The checkout is at ${source.baseSha.slice(0, 7)}, not the pull request's head ${source.headSha.slice(0, 7)}`,
    );
  });

  it('analyses the diff alone and says to add actions/checkout when there is no checkout', async () => {
    const { run, report } = await reportCommand(mkdtempSync(path.join(scratch, 'empty-')));
    expect(run.exitCode).toBe(0);
    expect(report).toContain('add `actions/checkout` before this step');
    expect(report).toContain('Not detected: there was no checkout of the repository to read');
    expect(report).toMatch(/\| POST \| `\/auth\/login` \| 🆕 added/);
  });
});
