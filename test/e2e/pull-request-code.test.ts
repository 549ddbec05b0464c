import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  issueCommentPayload,
  pullRequestPayload,
  pullRequestTarget,
  runAction,
  workflowDispatchPayload,
  type ActionRun,
} from '../harness/index.js';
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

async function comment(
  body: string,
  cwd: string,
  extra: { env?: Record<string, string>; inputs?: Record<string, string> } = {},
): Promise<{ run: ActionRun; report: string }> {
  const seeded = github.harness.fake.seed.comment({
    issueNumber: 7,
    body,
    user: { login: 'alice', type: 'User' },
  });
  const run = await runAction({
    event: 'issue_comment',
    payload: issueCommentPayload(body, { number: 7, user: 'alice', commentId: seeded.id }),
    inputs: { 'fail-on': 'never', ...extra.inputs },
    env: { CANARY_DIR: canaryDir, ...extra.env },
    apiUrl: github.harness.apiUrl,
    cwd,
  });
  return { run, report: postedReport() };
}

/** The report comment the run posted, found by its marker (which carries the head commit). */
const postedReport = () =>
  github.harness.fake.state.comments.find((c) => c.body.startsWith('<!-- backend-developer:report '))?.body ??
  '';

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

  it('runs a fork’s tests on a /backend command when the base branch config opts in, without credentials', async () => {
    seedPullRequest('forker/orders-service');
    github.harness.fake.seed.content('.github/backend-developer.yml', 'commands: { run-fork-code: true }\n');
    const clone = cloneOfDefaultBranch('fork-opt-in', source.headSha);
    persistCredentials(clone);
    const { run, report } = await comment('/backend validate', clone, {
      env: JOB_CREDENTIALS,
      inputs: { 'anthropic-api-key': KEY },
    });
    expect(run.exitCode).toBe(0);
    const seen = JSON.parse(readFileSync(path.join(canaryDir, 'ran-head.json'), 'utf8')) as CanaryRecord;
    expectNoCredentials(seen);
    expect(report).toMatch(/`\.` \| ✅ passed/);
    expect(reactionsOn('/backend validate')).toEqual(['eyes', 'rocket']);
    expect(github.harness.violations()).toEqual([]);
  });

  it('does not run a fork’s tests on workflow_dispatch either, and the report says why', async () => {
    seedPullRequest('forker/orders-service');
    const run = await runAction({
      event: 'workflow_dispatch',
      payload: workflowDispatchPayload({ 'pr-number': '7' }),
      inputs: { 'fail-on': 'never', 'pr-number': '7' },
      env: { CANARY_DIR: canaryDir },
      apiUrl: github.harness.apiUrl,
      cwd: cloneOfDefaultBranch('fork-dispatch', source.headSha),
    });
    expect(run.exitCode).toBe(0);
    expect(existsSync(path.join(canaryDir, 'ran-head.json'))).toBe(false);
    const report = postedReport();
    expect(report).toMatch(
      /Not run: the pull request comes from a fork \(`forker\/orders-service`\), whose code does not run on `workflow_dispatch`/,
    );
    expect(report).toContain(`Analysed at \`${source.headSha.slice(0, 7)}\``);
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

const TOKEN = 'ghs_harnessFakeTokenForTests0000000000';
const KEY = 'sk-ant-api03-canaryModelKey-0123456789abcdefghijklmnopqrstuvwxyz';
const PERSISTED = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`;

/** Credentials a job can hold: every one of them must stay out of the pull request's commands. */
const JOB_CREDENTIALS = {
  GITHUB_TOKEN: TOKEN,
  GH_TOKEN: TOKEN,
  ANTHROPIC_API_KEY: KEY,
  MODEL_CREDENTIAL: KEY,
  ACTIONS_RUNTIME_TOKEN: 'runtime-token-canary-0001',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token-canary-0002',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.canary.example/token',
  ACTIONS_CACHE_URL: 'https://cache.canary.example/',
  ACTIONS_RESULTS_URL: 'https://results.canary.example/',
  // A closed port: the model call fails fast; only the key's journey matters here.
  ANTHROPIC_BASE_URL: 'http://127.0.0.1:9',
};

/**
 * The credentials actions/checkout persists: v5 writes them into .git/config, v6 into a file
 * under RUNNER_TEMP that .git/config includes. Both are set up here.
 */
function persistCredentials(clone: string): { configBefore: string; includedBefore: string } {
  git(clone, 'config', 'http.https://github.com/.extraheader', PERSISTED);
  const included = path.join(scratch, `git-credentials-${path.basename(clone)}.config`);
  writeFileSync(included, `[http "https://github.com/"]\n\textraheader = ${PERSISTED}\n`);
  git(clone, 'config', `includeIf.gitdir:${path.join(clone, '.git')}.path`, included);
  return {
    configBefore: readFileSync(path.join(clone, '.git/config'), 'utf8'),
    includedBefore: readFileSync(included, 'utf8'),
  };
}

interface CanaryRecord {
  env: Record<string, string>;
  gitConfig: string;
  sharedConfigFile: string;
}

function expectNoCredentials(seen: CanaryRecord): void {
  const everything = JSON.stringify(seen);
  for (const secret of [TOKEN, KEY, PERSISTED, ...Object.values(JOB_CREDENTIALS).slice(4, 9)])
    expect(everything).not.toContain(secret);
  expect(everything).not.toMatch(/extraheader/i);
  for (const name of [
    'GITHUB_TOKEN',
    'GH_TOKEN',
    'ANTHROPIC_API_KEY',
    'MODEL_CREDENTIAL',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'ACTIONS_CACHE_URL',
    'ACTIONS_RESULTS_URL',
  ])
    expect(seen.env).not.toHaveProperty(name);
  expect(Object.keys(seen.env).filter((name) => name.startsWith('INPUT_'))).toEqual([]);
  // The canary did run with the variables the repository's own CI steps get.
  expect(seen.env.CANARY_DIR).toBe(canaryDir);
  expect(seen.env.GITHUB_REPOSITORY).toBe('octo-org/orders-service');
}

describe('what the pull request’s code can see', () => {
  it('a command’s run: no token, key, runtime or OIDC variable, and no persisted checkout credentials', async () => {
    seedPullRequest();
    const clone = cloneOfDefaultBranch('scrubbed', source.headSha);
    const before = persistCredentials(clone);
    const { run } = await comment('/backend validate', clone, {
      env: JOB_CREDENTIALS,
      inputs: { 'anthropic-api-key': KEY },
    });
    expect(run.exitCode).toBe(0);
    const seen = JSON.parse(readFileSync(path.join(canaryDir, 'ran-head.json'), 'utf8')) as CanaryRecord;
    expectNoCredentials(seen);
    // The code ran in the worktree whose config is the checkout's: it was there, without the header.
    expect(seen.gitConfig).toContain(`file:${path.join(clone, '.git/config')}`);
    expect(seen.sharedConfigFile).toContain('[remote "origin"]');
    // Afterwards both files are back as the checkout left them, for the job's later steps.
    expect(readFileSync(path.join(clone, '.git/config'), 'utf8')).toBe(before.configBefore);
    expect(readFileSync(path.join(scratch, `git-credentials-${path.basename(clone)}.config`), 'utf8')).toBe(
      before.includedBefore,
    );
    expect(run.stdout).toContain('set `persist-credentials: false` on actions/checkout');
    expect(github.harness.violations()).toEqual([]);
  });

  it('a pull_request run in the checkout itself: the same', async () => {
    seedPullRequest();
    const clone = path.join(scratch, 'pull-request-checkout');
    rmSync(clone, { recursive: true, force: true });
    cpSync(source.dir, clone, { recursive: true });
    const before = persistCredentials(clone);
    const run = await runAction({
      event: 'pull_request',
      payload: pullRequestPayload('synchronize', pullRequestTarget(github.harness.fake.state, 7)),
      inputs: { 'fail-on': 'never', 'anthropic-api-key': KEY },
      env: { CANARY_DIR: canaryDir, ...JOB_CREDENTIALS },
      apiUrl: github.harness.apiUrl,
      cwd: clone,
    });
    expect(run.exitCode).toBe(0);
    const seen = JSON.parse(readFileSync(path.join(canaryDir, 'ran-head.json'), 'utf8')) as CanaryRecord;
    expectNoCredentials(seen);
    expect(readFileSync(path.join(clone, '.git/config'), 'utf8')).toBe(before.configBefore);
    expect(github.harness.violations()).toEqual([]);
  });
});
