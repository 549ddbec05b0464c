import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGitDiff } from '../../src/code/diff/parse-git-diff.js';
import { pullRequestPayload, pullRequestTarget, runAction, type SeededFile } from '../harness/index.js';
import { checkOutMergeCommit, type Checkout } from './checkout.js';
import { runOnPullRequest, useCheckout, useGitHubHarness } from './use-fixtures.js';

const github = useGitHubHarness();
const oneLine = useCheckout('one-line-change');
const auth = useCheckout('auth-service');

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const marked = (name: string) =>
  github.harness.fake.state.comments.filter((c) => c.body.startsWith(`<!-- backend-developer:${name} `));

/** Commits `text` as `file` on top of the checkout's head; returns the new head and the PR's files. */
function pushFix(checkout: Checkout, file: string, text: string): { headSha: string; files: SeededFile[] } {
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args],
      {
        cwd: checkout.dir,
        encoding: 'utf8',
      },
    ).trim();
  writeFileSync(path.join(checkout.dir, file), text);
  git('commit', '--quiet', '--all', '-m', 'fix');
  const headSha = git('rev-parse', 'HEAD');
  const files = parseGitDiff(`${git('diff', `${checkout.baseSha}...${headSha}`)}\n`).map((f) => ({
    filename: f.path,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    ...(f.patch !== undefined ? { patch: f.patch } : {}),
  }));
  return { headSha, files };
}

describe('a pull request with nothing to say', () => {
  it(
    'gets one report comment in at most 5 API calls and 2 writes: no label, no area comment, no review',
    { timeout: 180_000 },
    async () => {
      github.harness.fake.seed.pullRequest({
        number: 31,
        title: 'Raise the default page size',
        body: 'Clients asked for bigger pages.',
        headSha: oneLine.checkout.headSha,
        baseSha: oneLine.checkout.baseSha,
        files: oneLine.checkout.files,
      });
      // As on a runner: the checkout is GitHub's test merge commit, GITHUB_SHA.
      const merge = checkOutMergeCommit(oneLine.checkout);
      const payload = pullRequestPayload('opened', pullRequestTarget(github.harness.fake.state, 31));
      Object.assign(payload.pull_request as object, { merge_commit_sha: merge });
      const run = await runAction({
        event: 'pull_request',
        payload,
        inputs: { validate: 'none' },
        apiUrl: github.harness.apiUrl,
        cwd: oneLine.checkout.dir,
      });
      expect(run.exitCode).toBe(0);
      expect(run.annotations.filter((a) => a.level === 'warning')).toEqual([]);
      const requests = github.harness.fake.requests();
      const writes = requests.filter((r) => WRITE_METHODS.has(r.method));
      expect(requests.length, requests.map((r) => `${r.method} ${r.path}`).join('\n')).toBeLessThanOrEqual(5);
      expect(writes.map((r) => r.operationId)).toEqual(['issues/create-comment', 'issues/update-comment']);
      const [report] = marked('report');
      expect(marked('report')).toHaveLength(1);
      expect(report?.body).toContain(`sha=${oneLine.checkout.headSha}`);
      expect(report?.body).toContain('– Raise the default page size (#31)');
      expect(report?.body).not.toContain('in progress');
      expect(github.harness.fake.state.comments).toHaveLength(1);
      expect(github.harness.fake.state.pullRequests.get(31)?.labels).toEqual([]);
      expect(github.harness.fake.state.reviews).toEqual([]);
      expect(github.harness.violations()).toEqual([]);
    },
  );
});

describe('a push that fixes one finding', () => {
  it(
    'posts no inline comment again for the findings that remain and marks the fixed one resolved',
    { timeout: 240_000 },
    async () => {
      const { checkout } = auth;
      github.harness.fake.seed.pullRequest({
        number: 32,
        title: 'feat(auth): log in with a password',
        headSha: checkout.headSha,
        baseSha: checkout.baseSha,
        files: checkout.files,
      });
      const opened = await runOnPullRequest(github.harness, 32, { cwd: checkout.dir });
      expect(opened.exitCode).toBe(0);
      const inlineBefore = github.harness.fake.state.reviewComments.map((c) => c.body);
      expect(inlineBefore.some((b) => b.includes('security/jwt-without-verification'))).toBe(true);
      expect(inlineBefore.some((b) => b.includes('security/weak-password-hash'))).toBe(true);

      const login = 'src/auth/login.js';
      const fixed = (await import('node:fs'))
        .readFileSync(path.join(checkout.dir, login), 'utf8')
        .replace(
          'jwt.decode(req.headers.authorization.slice(7))',
          'jwt.verify(req.headers.authorization.slice(7), process.env.JWT_SECRET)',
        );
      const push = pushFix(checkout, login, fixed);
      github.harness.fake.seed.push(32, push);
      const synchronize = await runOnPullRequest(github.harness, 32, {
        action: 'synchronize',
        cwd: checkout.dir,
      });
      expect(synchronize.exitCode).toBe(0);

      expect(github.harness.fake.state.reviewComments.map((c) => c.body)).toEqual(inlineBefore);
      expect(github.harness.fake.requests('pulls/create-review')).toHaveLength(1);
      const [security] = marked('review:security');
      expect(marked('review:security')).toHaveLength(1);
      expect(security?.body).toContain(`sha=${push.headSha}`);
      expect(security?.body).toMatch(
        /### Resolved \(1\)\n\n- ~~[^~]+~~ — `src\/auth\/login\.js:13` \(`security\/jwt-without-verification`\), gone at [0-9a-f]{7}/,
      );
      expect(security?.body).toContain('`security/weak-password-hash`');
      const table = security?.body.split('### Resolved')[0] ?? '';
      expect(table).not.toContain('security/jwt-without-verification');
      expect(marked('report')[0]?.body).toContain(`sha=${push.headSha}`);
      expect(github.harness.violations()).toEqual([]);
    },
  );
});
