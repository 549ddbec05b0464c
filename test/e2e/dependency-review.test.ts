import { describe, expect, it } from 'vitest';
import type { SeededDependencyChange } from '../harness/index.js';
import type { Checkout } from './checkout.js';
import { runOnPullRequest, useCheckout, useGitHubHarness } from './use-fixtures.js';

const github = useGitHubHarness();
const upgrade = useCheckout('dependency-upgrade');
const scriptsOnly = useCheckout('manifest-scripts-only');
const sourceOnly = useCheckout('one-line-change');

const LODASH_GHSA = 'GHSA-35jh-r3h4-6jhm';
const LODASH_OLD_GHSA = 'GHSA-p6mc-m468-83gw';

/** What GitHub's dependency graph lists for the fixture: lodash 4.17.15 → 4.17.20, cors added. */
const UPGRADE_DIFF: SeededDependencyChange[] = [
  {
    changeType: 'removed',
    manifest: 'package.json',
    ecosystem: 'npm',
    name: 'lodash',
    version: '4.17.15',
    license: 'MIT',
    vulnerabilities: [
      { severity: 'high', ghsaId: LODASH_OLD_GHSA, summary: 'Prototype Pollution in lodash' },
      { severity: 'high', ghsaId: LODASH_GHSA, summary: 'Command Injection in lodash' },
    ],
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
  {
    changeType: 'added',
    manifest: 'package.json',
    ecosystem: 'npm',
    name: 'cors',
    version: '2.8.5',
    license: 'MIT',
  },
];

const marked = (name: string) =>
  github.harness.fake.state.comments.filter((c) => c.body.startsWith(`<!-- backend-developer:${name} `));

/** A PR whose commits and files are the checkout's: the dependency upgrade unless told otherwise. */
function seedPullRequest(number: number, checkout: Checkout = upgrade.checkout): void {
  github.harness.fake.seed.pullRequest({
    number,
    title: 'Upgrade lodash and allow cross-origin requests',
    headSha: checkout.headSha,
    baseSha: checkout.baseSha,
    files: checkout.files,
  });
}

describe('dependency review', () => {
  it(
    "reports a vulnerable upgrade from GitHub's dependency graph as a security finding with its fixed version",
    { timeout: 180_000 },
    async () => {
      const { checkout } = upgrade;
      seedPullRequest(41);
      github.harness.fake.seed.dependencyDiff(checkout, UPGRADE_DIFF);
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
        `| \`lodash\` npm | \`4.17.15\` → \`4.17.20\` | \`package.json\` | MIT | 🔴 \`${LODASH_GHSA}\` high: Command Injection in lodash (fixed in \`4.17.21\`) |`,
      );
      expect(report?.body).toContain('| `cors` npm | `2.8.5` (new) | `package.json` | MIT | none known |');
      expect(report?.body).toContain(
        `Known vulnerabilities this PR moves away from: \`lodash\` \`4.17.15\`: \`${LODASH_OLD_GHSA}\` high.`,
      );

      const [security] = marked('review:security');
      expect(security?.body).toContain(`lodash 4.17.20 has a known vulnerability: ${LODASH_GHSA} (high)`);
      expect(security?.body).toContain('Move lodash to 4.17.21 or later');
      expect(security?.body).toContain('4.17.15 had it too: this change does not fix it.');
      expect(github.harness.fake.state.pullRequests.get(41)?.labels).toContain('handoff:security');
      // The inline comment sits on the added line that names lodash.
      const inline = github.harness.fake.state.reviewComments.filter((c) => c.path === 'package.json');
      expect(inline.map((c) => c.line)).toEqual([12]);
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
      const run = await runOnPullRequest(github.harness, 42, { cwd: upgrade.checkout.dir });
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
      const run = await runOnPullRequest(github.harness, 43, { cwd: upgrade.checkout.dir });
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
