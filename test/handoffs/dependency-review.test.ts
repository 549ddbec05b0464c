import { describe, expect, it } from 'vitest';
import type { ChangedFile } from '../../src/code/diff/changed-file.js';
import type { ComparedDependency } from '../../src/handoffs/dependency-review/dependency-comparison.js';
import { explainUnavailable } from '../../src/handoffs/dependency-review/dependency-review-outcome.js';
import { reviewDependencyChanges } from '../../src/handoffs/dependency-review/review-dependency-changes.js';

const LODASH_ADVISORY = {
  severity: 'high',
  ghsaId: 'GHSA-35jh-r3h4-6jhm',
  summary: 'Command Injection in lodash',
  url: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm',
};

function dependency(overrides: Partial<ComparedDependency>): ComparedDependency {
  return {
    change: 'added',
    manifest: 'package.json',
    ecosystem: 'npm',
    name: 'express',
    version: '4.19.2',
    license: 'MIT',
    scope: 'runtime',
    vulnerabilities: [],
    ...overrides,
  };
}

const manifestPatch: ChangedFile = {
  path: 'package.json',
  status: 'modified',
  additions: 2,
  deletions: 1,
  patch: [
    '@@ -8,6 +8,7 @@',
    '   },',
    '   "dependencies": {',
    '-    "express": "4.18.2"',
    '+    "express": "4.19.2",',
    '+    "lodash": "4.17.20"',
    '   }',
    ' }',
  ].join('\n'),
};

describe('reviewDependencyChanges', () => {
  it('raises one security finding per advisory of a version the PR adds, on the manifest line that names it', () => {
    const review = reviewDependencyChanges(
      [dependency({ name: 'lodash', version: '4.17.20', vulnerabilities: [LODASH_ADVISORY] })],
      new Map([['GHSA-35jh-r3h4-6jhm\u0000lodash', '4.17.21']]),
      [manifestPatch],
    );
    expect(review.findings).toEqual([
      {
        area: 'security',
        ruleId: 'security/vulnerable-dependency',
        severity: 'high',
        file: 'package.json',
        line: 11,
        title: 'lodash 4.17.20 has a known vulnerability: GHSA-35jh-r3h4-6jhm (high)',
        explanation: 'Command Injection in lodash (https://github.com/advisories/GHSA-35jh-r3h4-6jhm).',
        recommendation: 'Use lodash 4.17.21 or later, the first version with the fix.',
        origin: 'rule',
      },
    ]);
    expect(review.packages[0]?.vulnerabilities[0]?.fixedVersion).toBe('4.17.21');
  });

  it('reads an upgrade as the removed old version and the added new one, and lists the advisories it leaves behind', () => {
    const review = reviewDependencyChanges(
      [
        dependency({
          change: 'removed',
          version: '4.18.2',
          vulnerabilities: [{ ...LODASH_ADVISORY, ghsaId: 'GHSA-rv95-896h-c2vc', severity: 'moderate' }],
        }),
        dependency({ version: '4.19.2' }),
      ],
      new Map(),
      [manifestPatch],
    );
    expect(review.findings).toEqual([]);
    expect(review.packages).toEqual([
      {
        ecosystem: 'npm',
        name: 'express',
        version: '4.19.2',
        manifest: 'package.json',
        previousVersion: '4.18.2',
        license: 'MIT',
        scope: 'runtime',
        vulnerabilities: [],
      },
    ]);
    expect(review.resolved).toEqual([
      { name: 'express', version: '4.18.2', ghsaId: 'GHSA-rv95-896h-c2vc', severity: 'moderate' },
    ]);
  });

  it('says when no patched version is known, and maps GitHub severities onto the findings scale', () => {
    const review = reviewDependencyChanges(
      [
        dependency({
          name: 'lodash',
          version: '4.17.20',
          vulnerabilities: [
            { ...LODASH_ADVISORY, severity: 'critical' },
            { ...LODASH_ADVISORY, ghsaId: 'GHSA-p6mc-m468-83gw', severity: 'moderate' },
            { ...LODASH_ADVISORY, ghsaId: 'GHSA-29mw-wpgm-hmr9', severity: 'low' },
          ],
        }),
      ],
      new Map(),
      [manifestPatch],
    );
    expect(review.findings.map((f) => f.severity)).toEqual(['high', 'medium', 'low']);
    expect(review.findings[0]?.recommendation).toMatch(/^No patched version of lodash is known/);
  });

  it('counts a version seen in a manifest and its lockfile once, and leaves out what the PR removes', () => {
    const review = reviewDependencyChanges(
      [
        dependency({ name: 'lodash', version: '4.17.20', vulnerabilities: [LODASH_ADVISORY] }),
        dependency({
          manifest: 'package-lock.json',
          name: 'lodash',
          version: '4.17.20',
          vulnerabilities: [LODASH_ADVISORY],
        }),
        dependency({
          change: 'removed',
          name: 'left-pad',
          version: '1.3.0',
          vulnerabilities: [LODASH_ADVISORY],
        }),
      ],
      new Map(),
      [manifestPatch],
    );
    expect(review.packages.map((p) => `${p.manifest} ${p.name}`)).toEqual(['package.json lodash']);
    expect(review.findings).toHaveLength(1);
  });
});

describe('explainUnavailable', () => {
  it("turns a 403 into what to enable, with GitHub's own words", () => {
    expect(
      explainUnavailable(
        403,
        'Dependency review is not supported on this repository. Please ensure that Dependency graph is enabled along with GitHub Advanced Security on private repositories',
      ),
    ).toBe(
      'Dependency review did not run: GitHub answered 403 ("Dependency review is not supported on this repository. Please ensure that Dependency graph is enabled along with GitHub Advanced Security on private repositor"). Enable the dependency graph (Settings → Code security → Dependency graph); a private repository also needs GitHub Advanced Security or Code Security; the workflow\'s token needs `contents: read`.',
    );
  });

  it("turns a 404 into enabling the dependency graph and the token's permission", () => {
    expect(explainUnavailable(404, 'Not Found')).toBe(
      'Dependency review did not run: GitHub answered 404 ("Not Found"). Enable the dependency graph (Settings → Code security → Dependency graph) and give the workflow\'s token `contents: read`.',
    );
  });
});
