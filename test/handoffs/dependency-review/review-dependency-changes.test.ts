import { describe, expect, it } from 'vitest';
import type { ChangedFile } from '../../../src/code/diff/changed-file.js';
import type { ComparedDependency } from '../../../src/handoffs/dependency-review/dependency-graph.js';
import { reviewDependencyChanges } from '../../../src/handoffs/dependency-review/review-dependency-changes.js';

const LODASH_ADVISORY = {
  severity: 'high',
  ghsaId: 'GHSA-35jh-r3h4-6jhm',
  summary: 'Command Injection in lodash',
  url: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm',
};

const LODASH_PATCHES = new Map([
  [
    'GHSA-35jh-r3h4-6jhm',
    [{ ecosystem: 'npm', name: 'lodash', vulnerableRange: '< 4.17.21', firstPatched: '4.17.21' }],
  ],
]);

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
      LODASH_PATCHES,
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
        recommendation: 'Move lodash to 4.17.21 or later, the first version with the fix.',
        origin: 'rule',
      },
    ]);
    expect(review.packages[0]?.vulnerabilities[0]?.fixedVersion).toBe('4.17.21');
  });

  it('anchors a lockfile entry on the line that names the package, not the first line of the hunk', () => {
    const lock: ChangedFile = {
      path: 'package-lock.json',
      status: 'modified',
      additions: 3,
      deletions: 0,
      patch: [
        '@@ -40,3 +40,6 @@',
        '     "node_modules/express": {',
        '       "version": "4.19.2"',
        '     },',
        '+    "node_modules/lodash": {',
        '+      "version": "4.17.20"',
        '+    },',
      ].join('\n'),
    };
    const review = reviewDependencyChanges(
      [
        dependency({
          manifest: 'package-lock.json',
          name: 'lodash',
          version: '4.17.20',
          vulnerabilities: [LODASH_ADVISORY],
        }),
      ],
      new Map(),
      [lock],
    );
    expect(review.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['package-lock.json:43']);
  });

  it('does not take a package whose name only contains the vulnerable one as its line', () => {
    const patch: ChangedFile = {
      ...manifestPatch,
      patch: ['@@ -1,2 +1,4 @@', ' {', '+  "lodash.merge": "4.6.2",', '+  "lodash": "4.17.20"', ' }'].join(
        '\n',
      ),
    };
    const review = reviewDependencyChanges(
      [dependency({ name: 'lodash', version: '4.17.20', vulnerabilities: [LODASH_ADVISORY] })],
      new Map(),
      [patch],
    );
    expect(review.findings[0]?.line).toBe(3);
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
    expect(review.findings[0]?.recommendation).toBe(
      'GitHub knows no patched version of lodash for this advisory: use another package, or keep it knowing the risk.',
    );
  });

  it('keeps a vulnerable development dependency low, since it does not ship', () => {
    const review = reviewDependencyChanges(
      [
        dependency({
          name: 'lodash',
          version: '4.17.20',
          scope: 'development',
          vulnerabilities: [LODASH_ADVISORY],
        }),
      ],
      new Map(),
      [manifestPatch],
    );
    expect(review.findings.map((f) => [f.severity, f.explanation])).toEqual([
      [
        'low',
        'Command Injection in lodash (https://github.com/advisories/GHSA-35jh-r3h4-6jhm). It is a development dependency, so it does not ship.',
      ],
    ]);
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

  it('raises an advisory once when the manifest lists a range and the lockfile the version', () => {
    const review = reviewDependencyChanges(
      [
        dependency({ name: 'lodash', version: '^4.17.20', vulnerabilities: [LODASH_ADVISORY] }),
        dependency({
          manifest: 'package-lock.json',
          name: 'lodash',
          version: '4.17.20',
          vulnerabilities: [LODASH_ADVISORY],
        }),
      ],
      LODASH_PATCHES,
      [manifestPatch],
    );
    expect(review.packages).toHaveLength(2);
    expect(review.findings.map((f) => `${f.file}:${f.line} ${f.recommendation}`)).toEqual([
      'package.json:11 Move lodash to 4.17.21 or later, the first version with the fix.',
    ]);
  });

  it('raises the advisory once per project when two projects bring the same version in', () => {
    const review = reviewDependencyChanges(
      [
        dependency({
          manifest: 'services/a/package.json',
          name: 'lodash',
          version: '4.17.20',
          vulnerabilities: [LODASH_ADVISORY],
        }),
        dependency({
          manifest: 'services/a/package-lock.json',
          name: 'lodash',
          version: '4.17.20',
          vulnerabilities: [LODASH_ADVISORY],
        }),
        dependency({
          manifest: 'services/b/package.json',
          name: 'lodash',
          version: '4.17.20',
          vulnerabilities: [LODASH_ADVISORY],
        }),
      ],
      new Map(),
      [],
    );
    expect(review.findings.map((f) => f.file)).toEqual([
      'services/a/package.json',
      'services/b/package.json',
    ]);
  });

  it('says when the version it replaces had the same advisory, so the upgrade does not fix it', () => {
    const review = reviewDependencyChanges(
      [
        dependency({
          change: 'removed',
          name: 'lodash',
          version: '4.17.15',
          vulnerabilities: [LODASH_ADVISORY],
        }),
        dependency({ name: 'lodash', version: '4.17.20', vulnerabilities: [LODASH_ADVISORY] }),
      ],
      new Map(),
      [manifestPatch],
    );
    expect(review.findings.map((f) => f.explanation)).toEqual([
      'Command Injection in lodash (https://github.com/advisories/GHSA-35jh-r3h4-6jhm). 4.17.15 had it too: this change does not fix it.',
    ]);
    expect(review.resolved).toEqual([]);
  });

  it('raises nothing for added versions without known vulnerabilities', () => {
    const review = reviewDependencyChanges(
      [dependency({}), dependency({ name: 'cors', version: '2.8.5' })],
      new Map(),
      [manifestPatch],
    );
    expect(review.findings).toEqual([]);
    expect(review.packages.map((p) => `${p.name} ${p.license}`)).toEqual(['express MIT', 'cors MIT']);
  });
});
