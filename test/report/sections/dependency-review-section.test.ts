import { describe, expect, it } from 'vitest';
import type { ReviewedPackage } from '../../../src/handoffs/dependency-review/review-dependency-changes.js';
import { renderDependencyReviewSection } from '../../../src/report/sections/dependency-review-section.js';

function pkg(name: string, overrides: Partial<ReviewedPackage> = {}): ReviewedPackage {
  return {
    ecosystem: 'npm',
    name,
    version: '1.0.0',
    manifest: 'package.json',
    license: 'MIT',
    scope: 'runtime',
    vulnerabilities: [],
    ...overrides,
  };
}

describe('renderDependencyReviewSection', () => {
  it('is absent when the PR adds or moves no dependency', () => {
    expect(renderDependencyReviewSection(undefined)).toBeUndefined();
  });

  it('is the one line saying what to turn on when GitHub refused', () => {
    expect(
      renderDependencyReviewSection({
        ran: false,
        reason: 'Dependency review did not run: GitHub answered 404.',
      }),
    ).toBe('### Dependency Review\n\nDependency review did not run: GitHub answered 404.');
  });

  it('lists vulnerable versions first, with licence, severity, advisory and fixed version, and folds a long list', () => {
    const packages = Array.from({ length: 17 }, (_, i) => pkg(`pkg-${i}`, i === 5 ? { license: null } : {}));
    packages.push(
      pkg('minimist', {
        version: '1.2.5',
        previousVersion: '1.2.0',
        scope: 'development',
        vulnerabilities: [
          {
            severity: 'critical',
            ghsaId: 'GHSA-xvch-5gv4-984h',
            summary: 'Prototype Pollution in minimist',
            url: 'u',
            fixedVersion: '1.2.6',
          },
          { severity: 'low', ghsaId: 'GHSA-aaaa-bbbb-cccc', summary: 'Another | pipe', url: 'u' },
        ],
      }),
    );
    const section =
      renderDependencyReviewSection({ ran: true, review: { packages, resolved: [], findings: [] } }) ?? '';
    const lines = section.split('\n');
    expect(lines[2]).toBe(
      "18 package versions added or upgraded to, according to GitHub's dependency graph: 1 with known vulnerabilities (0 security findings).",
    );
    expect(lines[6]).toBe(
      '| `minimist` npm (dev) | `1.2.0` → `1.2.5` | `package.json` | MIT | 🔴 `GHSA-xvch-5gv4-984h` critical: Prototype Pollution in minimist (fixed in `1.2.6`)<br>🟡 `GHSA-aaaa-bbbb-cccc` low: Another \\| pipe (no fixed version known) |',
    );
    expect(section).toContain('| `pkg-5` npm | `1.0.0` (new) | `package.json` | not known | none known |');
    expect(section).toContain('<details><summary>3 more packages</summary>');
  });

  it('says so when GitHub lists nothing the PR brings in', () => {
    expect(
      renderDependencyReviewSection({ ran: true, review: { packages: [], resolved: [], findings: [] } }),
    ).toBe(
      "### Dependency Review\n\nGitHub's dependency graph lists no package version this PR adds or moves to (it may not read these manifests).",
    );
  });
});
