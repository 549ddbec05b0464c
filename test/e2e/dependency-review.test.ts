import { describe, expect, it } from 'vitest';
import type { SeededDependencyChange } from '../harness/index.js';
import type { Checkout } from './checkout.js';
import { runOnPullRequest, useCheckout, useGitHubHarness } from './use-fixtures.js';

const github = useGitHubHarness();
const update = useCheckout('dependency-update');
const scriptsOnly = useCheckout('manifest-scripts-only');
const sourceOnly = useCheckout('one-line-change');

const LODASH_GHSA = 'GHSA-35jh-r3h4-6jhm';
const EXPRESS_GHSA = 'GHSA-rv95-896h-c2vc';

/** What GitHub's dependency graph lists for the fixture: express 4.18.2 → 4.19.2, lodash 4.17.20 added. */
const UPDATE_DIFF: SeededDependencyChange[] = [
  {
    changeType: 'removed',
    manifest: 'package.json',
    ecosystem: 'npm',
    name: 'express',
    version: '4.18.2',
    license: 'MIT',
    vulnerabilities: [
      { severity: 'moderate', ghsaId: EXPRESS_GHSA, summary: 'Express.js Open Redirect in malformed URLs' },
    ],
  },
  {
    changeType: 'added',
    manifest: 'package.json',
    ecosystem: 'npm',
    name: 'express',
    version: '4.19.2',
    license: 'MIT',
  },
  {
    changeType: 'added',
    manifest: 'package.json',
    ecosystem: 'npm',
    name: 'lodash',
    version: '4.17.20',
    license: 'MIT',
    vulnerabilities: [{ severity: 'high', ghsaId: LODASH_GHSA, summary: 'Command Injection in lodash' }],
  },
];

const marked = (name: string) =>
  github.harness.fake.state.comments.filter((c) => c.body.startsWith(`<!-- backend-developer:${name} `));

/** A PR whose commits and files are the checkout's: the dependency update unless told otherwise. */
function seedPullRequest(number: number, checkout: Checkout = update.checkout): void {
  github.harness.fake.seed.pullRequest({
    number,
    title: 'Update dependencies',
    headSha: checkout.headSha,
    baseSha: checkout.baseSha,
    files: checkout.files,
  });
}

describe('dependency review', () => {
  it(
    "reports a vulnerable dependency from GitHub's dependency graph as a security finding with its fixed version",
    { timeout: 180_000 },
    async () => {
      const { checkout } = update;
      seedPullRequest(41);
      github.harness.fake.seed.dependencyDiff(checkout, UPDATE_DIFF);
      github.harness.fake.seed.advisory({
        ghsaId: LODASH_GHSA,
        summary: 'Command Injection in lodash',
        severity: 'high',
        patches: [
          { ecosystem: 'npm', name: 'lodash', vulnerableRange: '< 4.17.21', firstPatched: '4.17.21' },
        ],
      });
      const run = await runOnPullRequest(github.harness, 41, { cwd: checkout.dir });
      expect(run.exitCode).toBe(0);

      const compares = github.harness.fake.requests('dependency-graph/diff-range');
      expect(compares.map((r) => r.path)).toEqual([
        `/repos/octo-org/orders-service/dependency-graph/compare/${checkout.baseSha}...${checkout.headSha}`,
      ]);
      expect(
        github.harness.fake.requests('security-advisories/get-global-advisory').map((r) => r.path),
      ).toEqual([`/advisories/${LODASH_GHSA}`]);

      const [report] = marked('report');
      expect(report?.body).toContain('### Dependency Review');
      expect(report?.body).toContain(
        "2 package versions added or upgraded to, according to GitHub's dependency graph: 1 with known vulnerabilities (1 security finding).",
      );
      expect(report?.body).toContain(
        `| \`lodash\` npm | \`4.17.20\` (new) | \`package.json\` | MIT | 🔴 \`${LODASH_GHSA}\` high: Command Injection in lodash (fixed in \`4.17.21\`) |`,
      );
      expect(report?.body).toContain(
        '| `express` npm | `4.18.2` → `4.19.2` | `package.json` | MIT | none known |',
      );
      expect(report?.body).toContain(
        `Known vulnerabilities this PR moves away from: \`express\` \`4.18.2\`: \`${EXPRESS_GHSA}\` moderate.`,
      );

      const [security] = marked('review:security');
      expect(security?.body).toContain(`lodash 4.17.20 has a known vulnerability: ${LODASH_GHSA} (high)`);
      expect(security?.body).toContain('Move lodash to 4.17.21 or later');
      expect(github.harness.fake.state.pullRequests.get(41)?.labels).toContain('handoff:security');
      // The inline comment sits on the added line that names lodash.
      const inline = github.harness.fake.state.reviewComments.filter((c) => c.path === 'package.json');
      expect(inline.map((c) => c.line)).toEqual([11]);
      expect(inline[0]?.body).toContain('security/vulnerable-dependency');
      expect(Number(run.outputs.findings)).toBeGreaterThanOrEqual(1);
      expect(github.harness.violations()).toEqual([]);
    },
  );

  it(
    'says in one line what to turn on when GitHub answers 403, and the run goes on',
    { timeout: 180_000 },
    async () => {
      seedPullRequest(42);
      github.harness.fake.fail('dependency-graph/diff-range', {
        status: 403,
        body: {
          message:
            'Dependency review is not supported on this repository. Please ensure that Dependency graph is enabled along with GitHub Advanced Security on private repositories, see https://github.com/octo-org/orders-service/settings/security_analysis',
          documentation_url:
            'https://docs.github.com/rest/dependency-graph/dependency-review#get-a-diff-of-the-dependencies-between-commits',
        },
      });
      const run = await runOnPullRequest(github.harness, 42, { cwd: update.checkout.dir });
      expect(run.exitCode).toBe(0);
      expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
      expect(github.harness.fake.requests('dependency-graph/diff-range').map((r) => r.status)).toEqual([403]);
      expect(github.harness.fake.requests('security-advisories/get-global-advisory')).toEqual([]);
      const [report] = marked('report');
      const section = /### Dependency Review\n\n(.*)\n/.exec(report?.body ?? '')?.[1];
      expect(section).toMatch(
        /^Dependency review did not run: GitHub answered 403 \("Dependency review is not supported on this repository\./,
      );
      expect(section).toContain('Turn on the dependency graph (Settings → Code security → Dependency graph)');
      expect(section).toContain(
        'a private repository also needs GitHub Advanced Security or GitHub Code Security.',
      );
      expect(marked('review:security')).toEqual([]);
      expect(github.harness.violations()).toEqual([]);
    },
  );

  it(
    'says what to turn on when GitHub answers 404 (dependency graph off)',
    { timeout: 180_000 },
    async () => {
      seedPullRequest(43);
      github.harness.fake.fail('dependency-graph/diff-range', { status: 404 });
      const run = await runOnPullRequest(github.harness, 43, { cwd: update.checkout.dir });
      expect(run.exitCode).toBe(0);
      const [report] = marked('report');
      expect(report?.body).toContain(
        '### Dependency Review\n\nDependency review did not run: GitHub answered 404 ("Not Found"). Turn on the dependency graph (Settings → Code security → Dependency graph; on GitHub Enterprise Server a site administrator enables it first) and give the workflow\'s token `contents: read`.',
      );
      expect(github.harness.violations()).toEqual([]);
    },
  );

  it(
    'makes no comparison for a PR whose manifest changes no dependency, nor for one that changes source only',
    { timeout: 180_000 },
    async () => {
      for (const [number, fixture] of [
        [44, scriptsOnly],
        [45, sourceOnly],
      ] as const) {
        const { checkout } = fixture;
        seedPullRequest(number, checkout);
        const run = await runOnPullRequest(github.harness, number, { cwd: checkout.dir });
        expect(run.exitCode).toBe(0);
        const [report] = marked('report').filter((c) => c.issueNumber === number);
        expect(report?.body).not.toContain('Dependency Review');
      }
      expect(scriptsOnly.checkout.files.map((f) => f.filename)).toEqual(['package.json']);
      expect(github.harness.fake.requests('dependency-graph/diff-range')).toEqual([]);
      expect(github.harness.violations()).toEqual([]);
    },
  );
});
