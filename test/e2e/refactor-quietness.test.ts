import { describe, expect, it } from 'vitest';
import { runOnPullRequest, useCheckout, useGitHubHarness } from './use-fixtures.js';

const github = useGitHubHarness();
const pricing = useCheckout('pricing-rounding');

/** Seeds PR `number` over the pricing checkout with `title`, runs the action on it, and returns the run. */
async function runWithTitle(number: number, title: string) {
  const { checkout } = pricing;
  github.harness.fake.seed.pullRequest({
    number,
    title,
    headSha: checkout.headSha,
    baseSha: checkout.baseSha,
    files: checkout.files,
  });
  const run = await runOnPullRequest(github.harness, number, { cwd: checkout.dir });
  expect(run.exitCode).toBe(0);
  expect(github.harness.violations()).toEqual([]);
  return github.harness.fake.state.comments.filter((c) => c.issueNumber === number);
}

describe('what the pull request says it is decides whether untested code is a finding', () => {
  it(
    'asks for a test of a feature that changes untested code, on the line that changes behaviour',
    { timeout: 180_000 },
    async () => {
      const comments = await runWithTitle(41, 'Apply line discounts to order totals');
      const qa = comments.find((c) => c.body.startsWith('<!-- backend-developer:review:qa '));
      expect(qa?.body).toContain('qa/source-without-tests');
      expect(qa?.body).toContain('src/pricing/totals.js:3');
      expect(github.harness.fake.state.pullRequests.get(41)?.labels).toContain('handoff:qa');
    },
  );

  it(
    'says nothing about tests for the same change titled as a refactor: no qa comment, no label',
    { timeout: 180_000 },
    async () => {
      const comments = await runWithTitle(42, 'refactor: compute line totals in one place');
      expect(comments.filter((c) => c.body.startsWith('<!-- backend-developer:review:qa '))).toEqual([]);
      expect(github.harness.fake.state.pullRequests.get(42)?.labels ?? []).not.toContain('handoff:qa');
      const report = comments.find((c) => c.body.startsWith('<!-- backend-developer:report '));
      expect(report?.body).toContain('Backend Change Delivered');
      expect(report?.body).not.toContain('qa/source-without-tests');
      // The handoff the rules decided is one line of the report, not a comment or a label.
      expect(report?.body).toContain('**Test coverage review** (`handoff:qa`) — no findings');
    },
  );
});
