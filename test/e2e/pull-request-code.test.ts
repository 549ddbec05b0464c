import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { issueCommentPayload, runAction, type ActionRun } from '../harness/index.js';
import { makeCheckout, type Checkout } from './checkout.js';
import { useGitHubHarness } from './use-fixtures.js';

const github = useGitHubHarness();
let source: Checkout;
let scratch: string;
let canaryDir: string;

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args],
    { cwd, encoding: 'utf8' },
  ).trim();

beforeAll(() => {
  source = makeCheckout('pr-code-canary', { branch: 'feature/canary' });
  scratch = mkdtempSync(path.join(os.tmpdir(), 'bda-pr-code-'));
});
afterAll(() => {
  source?.remove();
  rmSync(scratch, { recursive: true, force: true });
});
beforeEach(() => {
  canaryDir = mkdtempSync(path.join(scratch, 'canary-'));
  github.harness.fake.seed.permission('alice', 'write');
});

/** The PR, as the API reports it when the run starts. */
function seedPullRequest(headRepository?: string): void {
  github.harness.fake.seed.pullRequest({
    number: 7,
    title: 'test: record what runs',
    headSha: source.headSha,
    baseSha: source.baseSha,
    files: source.files,
    ...(headRepository ? { headRepository } : {}),
  });
}

/**
 * A clone of the default branch, as actions/checkout leaves it on an issue_comment run, whose
 * origin has `refs/pull/7/head` at `pullHead`.
 */
function cloneOfDefaultBranch(name: string, pullHead: string): string {
  const origin = path.join(scratch, `${name}-origin.git`);
  git(scratch, 'clone', '--quiet', '--bare', source.dir, origin);
  git(origin, 'update-ref', 'refs/pull/7/head', pullHead);
  git(origin, 'update-ref', 'refs/heads/main', source.baseSha);
  const clone = path.join(scratch, name);
  git(scratch, 'clone', '--quiet', '--branch', 'main', `file://${origin}`, clone);
  return clone;
}

/** A commit pushed on top of the head after the run started: its test says it is the newer one. */
function pushAfterTheRunStarted(): string {
  const later = path.join(scratch, 'later');
  rmSync(later, { recursive: true, force: true });
  cpSync(source.dir, later, { recursive: true });
  git(later, 'checkout', '--quiet', '--detach', source.headSha);
  const test = path.join(later, 'test/canary.test.js');
  writeFileSync(
    test,
    readFileSync(test, 'utf8').replace("const COMMIT = 'head';", "const COMMIT = 'later';"),
  );
  git(later, 'commit', '--quiet', '--all', '-m', 'a push after the comment');
  const sha = git(later, 'rev-parse', 'HEAD');
  git(source.dir, 'fetch', '--quiet', later, sha);
  return sha;
}

async function comment(body: string, cwd: string): Promise<{ run: ActionRun; report: string }> {
  const seeded = github.harness.fake.seed.comment({
    issueNumber: 7,
    body,
    user: { login: 'alice', type: 'User' },
  });
  const run = await runAction({
    event: 'issue_comment',
    payload: issueCommentPayload(body, { number: 7, user: 'alice', commentId: seeded.id }),
    inputs: { 'fail-on': 'never' },
    env: { CANARY_DIR: canaryDir },
    apiUrl: github.harness.apiUrl,
    cwd,
  });
  const report =
    github.harness.fake.state.comments.find((c) => c.body.startsWith('<!-- backend-developer:report -->'))
      ?.body ?? '';
  return { run, report };
}

const reactionsOn = (body: string) =>
  github.harness.fake.state.comments.find((c) => c.body === body)?.reactions.map((r) => r.content) ?? [];

describe('when a pull request’s code runs', () => {
  it('does not run a fork’s tests on a /backend command, and the report says why and how', async () => {
    seedPullRequest('forker/orders-service');
    const { run, report } = await comment('/backend validate', cloneOfDefaultBranch('fork', source.headSha));
    expect(run.exitCode).toBe(0);
    expect(existsSync(path.join(canaryDir, 'ran-head.json'))).toBe(false);
    expect(report).toMatch(
      /Not run: the pull request comes from a fork \(`forker\/orders-service`\), whose code does not run on `issue_comment`/,
    );
    expect(report).toContain('`commands: { run-fork-code: true }`');
    // The analysis still ran on the fork's head.
    expect(report).toContain(`Analysed at \`${source.headSha.slice(0, 7)}\``);
    // Validation was asked for and refused: 😕, not 🚀.
    expect(reactionsOn('/backend validate')).toEqual(['eyes', 'confused']);
    expect(github.harness.violations()).toEqual([]);
  });

  it('runs a fork’s tests on a /backend command when the base branch config opts in', async () => {
    seedPullRequest('forker/orders-service');
    github.harness.fake.seed.content('.github/backend-developer.yml', 'commands: { run-fork-code: true }\n');
    const { run, report } = await comment(
      '/backend validate',
      cloneOfDefaultBranch('fork-opt-in', source.headSha),
    );
    expect(run.exitCode).toBe(0);
    expect(existsSync(path.join(canaryDir, 'ran-head.json'))).toBe(true);
    expect(report).toMatch(/`\.` \| ✅ passed/);
    expect(reactionsOn('/backend validate')).toEqual(['eyes', 'rocket']);
    expect(github.harness.violations()).toEqual([]);
  });

  it('runs a same-repository pull request’s tests on a command from a writer', async () => {
    seedPullRequest();
    const { run, report } = await comment(
      '/backend validate',
      cloneOfDefaultBranch('same-repo', source.headSha),
    );
    expect(run.exitCode).toBe(0);
    expect(existsSync(path.join(canaryDir, 'ran-head.json'))).toBe(true);
    expect(report).toMatch(/`\.` \| ✅ passed/);
    expect(github.harness.violations()).toEqual([]);
  });

  it('runs the head GitHub reported when the run started, not a later push to refs/pull/<n>/head', async () => {
    seedPullRequest();
    const later = pushAfterTheRunStarted();
    const { run, report } = await comment('/backend validate', cloneOfDefaultBranch('moved', later));
    expect(run.exitCode).toBe(0);
    expect(existsSync(path.join(canaryDir, 'ran-head.json'))).toBe(true);
    expect(existsSync(path.join(canaryDir, 'ran-later.json'))).toBe(false);
    expect(report).toContain(`Analysed at \`${source.headSha.slice(0, 7)}\``);
    expect(report).toContain(
      `\`refs/pull/7/head\` has moved to ${later.slice(0, 7)} since this run started: this report is for ${source.headSha.slice(0, 7)}`,
    );
    expect(github.harness.violations()).toEqual([]);
  });
});
