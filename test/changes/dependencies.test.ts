import { describe, expect, it } from 'vitest';
import { analyzeChanges } from '../../src/changes/analyze-changes.js';
import type { DependencyChange } from '../../src/changes/change-analysis.js';
import { compareVersions, isMajorChange } from '../../src/changes/compare-versions.js';
import { headCheckout, loadDiff, loadExpected, projectFrom, type ExpectedResult } from './diff-fixture.js';

// Each fixture changes one file of each kind, adding, removing and upgrading dependencies (some across a major version).
const CASES: { name: string; files: string }[] = [
  {
    name: 'manifests',
    files:
      'pyproject.toml, Cargo.toml, pom.xml, build.gradle.kts, Gemfile, composer.json, .csproj and mix.exs',
  },
  {
    name: 'lockfiles',
    files:
      'pnpm-lock.yaml, yarn.lock, Cargo.lock, Gemfile.lock, composer.lock, poetry.lock, mix.lock and go.sum',
  },
];

describe.each(CASES)('dependency changes in $files', ({ name }) => {
  const expected = loadExpected<ExpectedResult<DependencyChange[]>>('dependencies', name);
  const files = loadDiff('dependencies', name);
  const projects = expected.projects.map(projectFrom);

  it('reads added, removed and upgraded dependencies from the diff alone', async () => {
    expect((await analyzeChanges({ files, projects })).dependencyChanges).toEqual(expected.diffOnly);
  });

  it('reads them from the whole files with the head checkout', async () => {
    expect(
      (await analyzeChanges({ files, projects, readFile: headCheckout('dependencies', name) }))
        .dependencyChanges,
    ).toEqual(expected.withCheckout);
  });
});

describe('version comparison', () => {
  it.each([
    ['^4.18.1', '^5.0.0', -1],
    ['v1.9.1', 'v1.9.0', 1],
    ['2.0.0-rc1', '2.0.0', -1],
    ['1.2.0', '1.2.0', 0],
  ])('orders %s against %s', (from, to, sign) => {
    expect(Math.sign(compareVersions(from, to) ?? Number.NaN)).toBe(sign);
  });

  it('cannot order the same version under different constraints, so the change reads as "changed"', () => {
    expect(compareVersions('^1.2.0', '~1.2.0')).toBeUndefined();
  });

  it('cannot order versions without numbers', () => {
    expect(compareVersions('latest', '^1.0.0')).toBeUndefined();
    expect(compareVersions('github:org/repo', 'github:org/repo#v2')).toBeUndefined();
  });

  it('reads a change of major version, or of minor version below 1.0, as breaking', () => {
    expect(isMajorChange('^4.18.2', '^5.0.1')).toBe(true);
    expect(isMajorChange('0.6.20', '0.7.5')).toBe(true);
    expect(isMajorChange('1.13.9', '1.13.12')).toBe(false);
    expect(isMajorChange('0.1.2', '0.1.9')).toBe(false);
  });
});
