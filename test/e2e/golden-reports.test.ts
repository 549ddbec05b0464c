import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type PullRequestSeed,
  pullRequestPayload,
  pullRequestTarget,
  runAction,
  startGitHubHarness,
  type GitHubHarness,
} from '../harness/index.js';
import { makeCheckout, makeCheckoutFrom, type Checkout } from './checkout.js';

const GOLDEN = path.resolve('test/fixtures/golden');
const BUGFIX_BODY = [
  'Totals of some orders were one cent short.',
  '',
  '## Root cause',
  'Prices were turned into floating-point euros before summing, and the total was truncated with `Math.floor`.',
  '',
  '## Solution',
  'Sum integer cents and round once, half up, at the end.',
  '',
  '## Prevention',
  'A regression test with a price that is not exact in binary.',
  '',
  'Fixes #12',
].join('\n');

// A fix described the way most are: plain prose, no headings (outline/outline#13524's style).
const PROSE_BUGFIX_BODY = [
  'Totals were built by summing prices as floating-point euros and truncating with `Math.floor`, so an order of 3 × 19.99 with 7% tax came out one cent short.',
  'Sum integer cents and round once, half up, at the end.',
  '',
  'Fixes #12',
].join(' ');

/** Reports carry the run's date and commits; everything else must match the golden file exactly. */
function normalize(report: string, checkout: Checkout): string {
  return (
    report
      // The action's marker records the head commit and the PR's `updated_at`: both vary.
      .replace(/^<!-- backend-developer:report [^>]*-->/, '<!-- backend-developer:report -->')
      .replace(/\(\d{4}-\d{2}-\d{2}\)/g, '(YYYY-MM-DD)')
      .replaceAll(checkout.headSha.slice(0, 7), 'HEADSHA')
      // The fake numbers comments across the whole file's tests.
      .replace(/#issuecomment-\d+/g, '#issuecomment-ID')
      .replace(/\s+$/, '\n')
  );
}

/** Compares with the golden file; `UPDATE_GOLDEN=1 npx vitest run test/e2e/golden-reports.test.ts` rewrites it. */
function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

function cli(...args: string[]): string {
  const result = spawnSync(process.execPath, ['dist/cli.js', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(result.stderr).not.toMatch(/^error:/m);
  return result.stdout;
}

let feature: Checkout;
let bugfix: Checkout;
let bugfixForAction: Checkout;
let proseBugfix: Checkout;
let dependencyUpdate: Checkout;
let harness: GitHubHarness;

beforeAll(async () => {
  harness = await startGitHubHarness();
  feature = makeCheckoutFrom(path.resolve('examples/orders-service'), {
    branch: 'feature/order-refunds',
    headMessage: 'feat(orders): refund an order',
  });
  // Separate checkouts: validation installs into the checkout, and each report must show a fresh one.
  bugfix = makeCheckout('bugfix-totals', {
    branch: 'fix/cent-rounding',
    headMessage: `fix(checkout): totals lose a cent on some prices\n\n${BUGFIX_BODY}`,
  });
  bugfixForAction = makeCheckout('bugfix-totals', { branch: 'fix/cent-rounding' });
  proseBugfix = makeCheckout('bugfix-totals', { branch: 'cent-rounding' });
  dependencyUpdate = makeCheckout('dependency-update', { branch: 'update-dependencies' });
});
afterAll(async () => {
  await harness?.stop();
  feature?.remove();
  bugfix?.remove();
  bugfixForAction?.remove();
  proseBugfix?.remove();
  dependencyUpdate?.remove();
});
beforeEach(() => {
  harness.fake.reset();
  harness.clearViolations();
});

describe('golden reports through the CLI', () => {
  it('renders the Implementation Report of the example feature branch', () => {
    expectGolden(
      'feature.cli.md',
      normalize(cli('report', feature.dir, '--base', 'main', '--no-validate'), feature),
    );
  });

  it('renders the Bug Fix Report of a fix branch, with the tests it ran', () => {
    expectGolden('bugfix.cli.md', normalize(cli('report', bugfix.dir, '--base', 'main'), bugfix));
  });
});

/** Seeds the PR on the fake, runs the action on its checkout and returns the outputs and the posted report. */
async function reportOnPullRequest(
  checkout: Checkout,
  seed: PullRequestSeed & { number: number },
  inputs: Record<string, string> = { validate: 'none' },
): Promise<{ outputs: Record<string, string>; body: string }> {
  harness.fake.seed.pullRequest({
    ...seed,
    headSha: checkout.headSha,
    baseSha: checkout.baseSha,
    files: checkout.files,
  });
  const run = await runAction({
    event: 'pull_request',
    payload: pullRequestPayload('opened', pullRequestTarget(harness.fake.state, seed.number)),
    inputs,
    apiUrl: harness.apiUrl,
    cwd: checkout.dir,
  });
  expect(run.exitCode).toBe(0);
  expect(harness.violations()).toEqual([]);
  const body =
    harness.fake.state.comments.find((c) => c.body.startsWith('<!-- backend-developer:report '))?.body ?? '';
  return { outputs: run.outputs, body: normalize(body, checkout) };
}

const TOTALS_ISSUE = {
  number: 12,
  title: 'Order totals are a cent short',
  body: 'An order of 3 × 19.99 with 7% tax shows 64.16, the invoice says 64.17.',
};

/**
 * What GitHub's dependency graph and advisory database say about the dependency-update fixture:
 * express 4.18.2 → 4.19.2 leaves an open-redirect advisory behind, lodash 4.17.20 brings a
 * command-injection one in (both real advisories).
 */
function seedDependencyUpdateGraph(): void {
  const npm = { manifest: 'package.json', ecosystem: 'npm', license: 'MIT' };
  const lodashAdvisory = {
    ghsaId: 'GHSA-35jh-r3h4-6jhm',
    summary: 'Command Injection in lodash',
    severity: 'high',
  };
  harness.fake.seed.dependencyDiff(dependencyUpdate, [
    {
      ...npm,
      changeType: 'removed',
      name: 'express',
      version: '4.18.2',
      vulnerabilities: [
        {
          severity: 'moderate',
          ghsaId: 'GHSA-rv95-896h-c2vc',
          summary: 'Express.js Open Redirect in malformed URLs',
        },
      ],
    },
    { ...npm, changeType: 'added', name: 'express', version: '4.19.2' },
    { ...npm, changeType: 'added', name: 'lodash', version: '4.17.20', vulnerabilities: [lodashAdvisory] },
  ]);
  harness.fake.seed.advisory({
    ...lodashAdvisory,
    patches: [{ ecosystem: 'npm', name: 'lodash', vulnerableRange: '< 4.17.21', firstPatched: '4.17.21' }],
  });
}

describe('golden reports through the action', () => {
  it('posts the Implementation Report for the feature PR', async () => {
    // What GitHub's dependency graph lists for the `pg` bump of services/orders/package.json.
    const pg = { manifest: 'services/orders/package.json', ecosystem: 'npm', name: 'pg', license: 'MIT' };
    harness.fake.seed.dependencyDiff(feature, [
      { ...pg, changeType: 'removed', version: '^8.11.3' },
      { ...pg, changeType: 'added', version: '^8.12.0' },
    ]);
    const { body } = await reportOnPullRequest(feature, {
      number: 41,
      title: 'Refund an order',
      body: 'Adds refunds for orders.',
      labels: ['enhancement'],
      headRef: 'feature/order-refunds',
    });
    expectGolden('feature.action.md', body);
  });

  it('posts the Bug Fix Report for the fix PR, with the linked issue', async () => {
    harness.fake.seed.issue(TOTALS_ISSUE);
    const { outputs, body } = await reportOnPullRequest(
      bugfixForAction,
      {
        number: 42,
        title: 'Totals lose a cent on some prices',
        body: BUGFIX_BODY,
        labels: ['bug'],
        headRef: 'fix/cent-rounding',
      },
      {},
    );
    expect(outputs['report-type']).toBe('bugfix');
    expectGolden('bugfix.action.md', body);
  });

  it('posts the Bug Fix Report of a gitmoji fix whose description is plain prose, quoting its cause and fix', async () => {
    harness.fake.seed.issue(TOTALS_ISSUE);
    const { outputs, body } = await reportOnPullRequest(proseBugfix, {
      number: 43,
      title: '🐛 Totals lose a cent on some prices',
      body: PROSE_BUGFIX_BODY,
      headRef: 'cent-rounding',
    });
    expect(outputs['report-type']).toBe('bugfix');
    expectGolden('bugfix-prose.action.md', body);
  });

  it('heads a dependency update "Backend Change Delivered", never a feature', async () => {
    seedDependencyUpdateGraph();
    const { outputs, body } = await reportOnPullRequest(dependencyUpdate, {
      number: 44,
      title: 'Update dependencies',
      body: 'Express 4.19.2, and lodash for the export.',
      headRef: 'update-dependencies',
    });
    expect(outputs['report-type']).toBe('implementation');
    expectGolden('change.action.md', body);
  });
});
