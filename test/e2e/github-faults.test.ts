import { readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InjectedFault } from '../harness/index.js';
import { runOnPullRequest, useCheckout, useGitHubHarness } from './use-fixtures.js';

const github = useGitHubHarness();
const auth = useCheckout('auth-service');
const oneLine = useCheckout('one-line-change');

/** The areas the auth-service change has findings in (api-design is handed off but finds nothing). */
const AREAS_WITH_FINDINGS = ['security', 'performance', 'qa'];

const marked = (prNumber: number, name: string) =>
  github.harness.fake.state.comments.filter(
    (c) => c.issueNumber === prNumber && c.body.startsWith(`<!-- backend-developer:${name} `),
  );

function fingerprintsOn(prNumber: number): string[] {
  return github.harness.fake.state.reviewComments
    .filter((c) => c.pullNumber === prNumber)
    .map((c) => /backend-developer:finding:([0-9a-f]+)/.exec(c.body)?.[1] ?? `no marker: ${c.body}`);
}

describe('a create that GitHub carries out but answers 502', () => {
  // The creates of one run, in order: the report's "in progress" comment, the review, then the
  // comments of security, performance and qa. Each case breaks one of them, on its own PR.
  const cases = [
    { name: 'the report comment', operation: 'issues/create-comment', skip: 0 },
    { name: 'the review', operation: 'pulls/create-review', skip: 0 },
    { name: 'the security comment', operation: 'issues/create-comment', skip: 1 },
    { name: 'the performance comment', operation: 'issues/create-comment', skip: 2 },
    { name: 'the qa comment', operation: 'issues/create-comment', skip: 3 },
  ];

  it(
    'leaves one report comment, one comment per area and one review, whichever create it hits',
    { timeout: 300_000 },
    async () => {
      const numbers = cases.map((_, i) => 40 + i);
      cases.forEach((c, i) => {
        const prNumber = numbers[i] ?? 0;
        github.harness.fake.seed.pullRequest({
          number: prNumber,
          title: 'feat(auth): log in with a password',
          headSha: auth.checkout.headSha,
          baseSha: auth.checkout.baseSha,
          files: auth.checkout.files,
        });
        const where: Record<string, string> = {
          [c.operation === 'pulls/create-review' ? 'pull_number' : 'issue_number']: String(prNumber),
        };
        github.harness.fake.fail(c.operation, { status: 502, afterEffect: true, skip: c.skip, where });
      });
      const runs = await Promise.all(
        numbers.map((n) => runOnPullRequest(github.harness, n, { cwd: auth.checkout.dir })),
      );

      cases.forEach((c, i) => {
        const prNumber = numbers[i] ?? 0;
        const run = runs[i];
        expect(run?.exitCode, c.name).toBe(0);
        expect(
          run?.annotations.filter((a) => a.level === 'warning'),
          c.name,
        ).toEqual([]);
        const hit = github.harness.fake
          .requests(c.operation)
          .filter((r) => r.injectedFault && r.path.includes(`/${prNumber}/`));
        expect(hit, `${c.name}: the fault was answered`).toHaveLength(1);
        expect(marked(prNumber, 'report'), c.name).toHaveLength(1);
        expect(marked(prNumber, 'report')[0]?.body, c.name).toContain('### Handoffs');
        for (const area of AREAS_WITH_FINDINGS)
          expect(marked(prNumber, `review:${area}`), `${c.name}: ${area}`).toHaveLength(1);
        expect(
          github.harness.fake.state.reviews.filter((r) => r.pullNumber === prNumber),
          c.name,
        ).toHaveLength(1);
        const fingerprints = fingerprintsOn(prNumber);
        expect(fingerprints.length, c.name).toBeGreaterThanOrEqual(3);
        expect(new Set(fingerprints).size, c.name).toBe(fingerprints.length);
      });
      expect(github.harness.violations()).toEqual([]);
    },
  );
});

describe('a connection that drops after GitHub carried out the create', () => {
  it(
    'on every create of the run: still one report comment, one comment per area and one review',
    { timeout: 300_000 },
    async () => {
      const { fake } = github.harness;
      fake.seed.pullRequest({
        number: 70,
        title: 'feat(auth): log in with a password',
        headSha: auth.checkout.headSha,
        baseSha: auth.checkout.baseSha,
        files: auth.checkout.files,
      });
      // The "in progress" report and the three area comments; the report itself is then an edit.
      const dropped = { status: 502, afterEffect: true, dropConnection: true };
      fake.fail('issues/create-comment', { ...dropped, times: 4, where: { issue_number: '70' } });
      fake.fail('pulls/create-review', { ...dropped, where: { pull_number: '70' } });
      const run = await runOnPullRequest(github.harness, 70, { cwd: auth.checkout.dir });
      expect(run.exitCode).toBe(0);
      expect(run.annotations.filter((a) => a.level === 'warning')).toEqual([]);
      expect(fake.requests('issues/create-comment').map((r) => r.injectedFault)).toEqual([
        true,
        true,
        true,
        true,
      ]);
      expect(fake.requests('pulls/create-review').map((r) => r.injectedFault)).toEqual([true]);
      expect(marked(70, 'report')).toHaveLength(1);
      expect(marked(70, 'report')[0]?.body).toContain('### Handoffs');
      for (const area of AREAS_WITH_FINDINGS) expect(marked(70, `review:${area}`), area).toHaveLength(1);
      expect(fake.state.reviews.filter((r) => r.pullNumber === 70)).toHaveLength(1);
      const fingerprints = fingerprintsOn(70);
      expect(fingerprints.length).toBeGreaterThanOrEqual(3);
      expect(new Set(fingerprints).size).toBe(fingerprints.length);
      expect(github.harness.violations()).toEqual([]);
    },
  );
});

describe('listing comments fails for good', () => {
  const secondary: InjectedFault = {
    status: 403,
    body: {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
      status: '403',
    },
    headers: { 'retry-after': '1' },
  };
  const cases: { name: string; fault: InjectedFault; says: string }[] = [
    { name: '422', fault: { status: 422 }, says: 'HTTP 422' },
    { name: '429', fault: { status: 429 }, says: 'rate limit' },
    { name: '500', fault: { status: 500 }, says: 'HTTP 500' },
    { name: '502', fault: { status: 502 }, says: 'HTTP 502' },
    { name: 'a secondary rate limit', fault: secondary, says: 'secondary rate limit' },
  ];

  it(
    'still writes the report to the job summary and the report file, with one warning naming the call',
    { timeout: 300_000 },
    async () => {
      const numbers = cases.map((_, i) => 50 + i);
      cases.forEach((c, i) => {
        github.harness.fake.seed.pullRequest({
          number: numbers[i],
          title: 'Raise the default page size',
          headSha: oneLine.checkout.headSha,
          baseSha: oneLine.checkout.baseSha,
          files: oneLine.checkout.files,
        });
        github.harness.fake.fail('issues/list-comments', {
          ...c.fault,
          times: 'always',
          where: { issue_number: String(numbers[i]) },
        });
      });
      const runs = await Promise.all(
        numbers.map((n) =>
          runOnPullRequest(github.harness, n, { cwd: oneLine.checkout.dir, keepRunnerFiles: true }),
        ),
      );
      try {
        cases.forEach((c, i) => {
          const run = runs[i];
          expect(run?.exitCode, c.name).toBe(0);
          expect(run?.summary, c.name).toContain('– Raise the default page size');
          const file = readFileSync(run?.outputs.report ?? '', 'utf8');
          expect(file, c.name).toContain('– Raise the default page size');
          expect(run?.summary.trim(), c.name).toBe(file.trim());
          const warnings = run?.annotations.filter((a) => a.level === 'warning') ?? [];
          expect(warnings, c.name).toHaveLength(1);
          expect(warnings[0]?.message, c.name).toContain('Could not list the pull request comments');
          expect(warnings[0]?.message, c.name).toContain(
            `GET /repos/octo-org/orders-service/issues/${numbers[i]}/comments`,
          );
          expect(warnings[0]?.message, c.name).toContain(c.says);
          expect(marked(numbers[i] ?? 0, 'report'), c.name).toEqual([]);
        });
      } finally {
        for (const run of runs) rmSync(run.runnerDirectory, { recursive: true, force: true });
      }
      expect(github.harness.violations()).toEqual([]);
    },
  );
});

describe("a token that may not write (a fork's pull request)", () => {
  it(
    'gets one warning per permission to grant, makes no further write it would refuse, and keeps the report',
    { timeout: 300_000 },
    async () => {
      const { fake } = github.harness;
      fake.seed.pullRequest({
        number: 60,
        title: 'feat(auth): log in with a password',
        headSha: auth.checkout.headSha,
        baseSha: auth.checkout.baseSha,
        files: auth.checkout.files,
      });
      const refused = [
        'issues/create-comment',
        'pulls/create-review',
        'issues/create-label',
        'issues/add-labels',
      ];
      for (const operation of refused) fake.fail(operation, { status: 403, times: 'always' });
      const run = await runOnPullRequest(github.harness, 60, {
        cwd: auth.checkout.dir,
        keepRunnerFiles: true,
      });
      try {
        expect(run.exitCode).toBe(0);
        expect(run.summary).toContain('feat(auth): log in with a password');
        expect(readFileSync(run.outputs.report ?? '', 'utf8').trim()).toBe(run.summary.trim());
        const warnings = run.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
        expect(warnings).toHaveLength(2);
        expect(warnings[0]).toMatch(
          /^Could not post a pull request comment \(`POST \/repos\/octo-org\/orders-service\/issues\/60\/comments`\): .*`pull-requests: write`/,
        );
        expect(warnings[1]).toMatch(
          /^Could not create a label \(`POST \/repos\/octo-org\/orders-service\/labels`\): .*`issues: write`/,
        );
      } finally {
        rmSync(run.runnerDirectory, { recursive: true, force: true });
      }
      // The "in progress" comment was refused: the review and the three area comments are not tried.
      expect(fake.requests('issues/create-comment')).toHaveLength(1);
      expect(fake.requests('pulls/create-review')).toHaveLength(0);
      expect(fake.requests('issues/create-label')).toHaveLength(1);
      expect(fake.requests('issues/add-labels')).toHaveLength(0);
      expect(fake.state.comments).toEqual([]);
      expect(github.harness.violations()).toEqual([]);
    },
  );
});
