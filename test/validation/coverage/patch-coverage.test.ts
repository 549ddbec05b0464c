import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangedFile } from '../../../src/code/diff/changed-file.js';
import { changedLinesOf } from '../../../src/validation/coverage/changed-lines.js';
import { measureProjectCoverage } from '../../../src/validation/coverage/measure-project-coverage.js';
import { computePatchCoverage } from '../../../src/validation/coverage/patch-coverage.js';
import { readCoverageXml } from '../../../src/validation/coverage/read-coverage-xml.js';
import { readGoCoverprofile } from '../../../src/validation/coverage/read-go-coverprofile.js';
import { readLcov } from '../../../src/validation/coverage/read-lcov.js';

const fixture = (name: string) =>
  readFileSync(path.resolve('test/fixtures/validation/coverage', name), 'utf8');

/** A changed file whose lines `from`..`to` (head numbering) are added, after `kept` unchanged lines. */
function changeAdding(file: string, from: number, to: number): ChangedFile {
  const kept = from - 1;
  const added = to - from + 1;
  const context = Array.from({ length: kept }, (_, i) => ` unchanged ${i + 1}`);
  const lines = Array.from({ length: added }, (_, i) => `+added ${from + i}`);
  return {
    path: file,
    status: 'modified',
    additions: added,
    deletions: 0,
    patch: [`@@ -1,${kept} +1,${kept + added} @@`, ...context, ...lines].join('\n'),
  };
}

const RUN_ROOT = '/work/run';

describe('coverage of the changed lines', () => {
  it('reads lcov: 3 of the 5 measured changed lines are covered; unmeasured lines do not count', () => {
    const report = readLcov(fixture('lcov.info'));
    const changed = changedLinesOf([changeAdding('services/api/src/price.js', 1, 7)]);
    const result = computePatchCoverage(report ? [report] : [], changed, {
      runRoot: RUN_ROOT,
      projectPath: 'services/api',
    });
    expect(result).toMatchObject({ covered: 3, total: 5, percent: 60, notMeasured: [] });
    expect(result.files).toEqual([
      { path: 'services/api/src/price.js', covered: 3, total: 5, uncovered: [3, 6] },
    ]);
  });

  it('reads Cobertura from coverage.py, with file names under its <source>: 2 of 4', () => {
    const report = readCoverageXml(fixture('cobertura-coverage.xml'));
    expect(report?.format).toBe('Cobertura XML');
    const changed = changedLinesOf([changeAdding('services/billing/billing/invoice.py', 4, 8)]);
    const result = computePatchCoverage(report ? [report] : [], changed, {
      runRoot: RUN_ROOT,
      projectPath: 'services/billing',
    });
    expect(result).toMatchObject({ covered: 2, total: 4, percent: 50 });
    expect(result.files[0]?.uncovered).toEqual([5, 8]);
  });

  it('reads JaCoCo, matching package/File.java to src/main/java: 2 of 4', () => {
    const report = readCoverageXml(fixture('jacoco.xml'));
    expect(report?.format).toBe('JaCoCo XML');
    const changed = changedLinesOf([
      changeAdding('services/orders/src/main/java/com/acme/orders/OrderService.java', 10, 14),
    ]);
    const result = computePatchCoverage(report ? [report] : [], changed, {
      runRoot: RUN_ROOT,
      projectPath: 'services/orders',
    });
    expect(result).toMatchObject({ covered: 2, total: 4, percent: 50 });
    expect(result.files[0]?.uncovered).toEqual([12, 14]);
  });

  it('reads a Go coverage profile, placing module paths with go.mod: 3 of 5', () => {
    const report = readGoCoverprofile(fixture('coverage.out'));
    const changed = changedLinesOf([changeAdding('services/stock/inventory/reserve.go', 6, 10)]);
    const result = computePatchCoverage(report ? [report] : [], changed, {
      runRoot: RUN_ROOT,
      projectPath: 'services/stock',
      goModule: 'github.com/acme/stock',
    });
    expect(result).toMatchObject({ covered: 3, total: 5, percent: 60 });
    expect(result.files[0]?.uncovered).toEqual([8, 9]);
  });

  it('reads Clover from PHPUnit, counting statements and not method lines: 2 of 3', () => {
    const report = readCoverageXml(fixture('clover.xml'));
    expect(report?.format).toBe('Clover XML');
    const changed = changedLinesOf([changeAdding('services/shop/src/Cart.php', 8, 12)]);
    const result = computePatchCoverage(report ? [report] : [], changed, {
      runRoot: RUN_ROOT,
      projectPath: 'services/shop',
    });
    expect(result).toMatchObject({ covered: 2, total: 3, percent: 66.6 });
  });

  it('lists changed source files the report never mentions, and ignores changed tests and docs', () => {
    const report = readLcov(fixture('lcov.info'));
    const changed = changedLinesOf([
      changeAdding('services/api/src/price.js', 1, 7),
      changeAdding('services/api/src/discount.js', 1, 3),
      changeAdding('services/api/src/price.test.js', 1, 9),
      changeAdding('services/api/README.md', 1, 2),
    ]);
    const result = computePatchCoverage(report ? [report] : [], changed, {
      runRoot: RUN_ROOT,
      projectPath: 'services/api',
    });
    expect(result.notMeasured).toEqual(['services/api/src/discount.js']);
    expect(result.total).toBe(5);
  });

  it('reads only reports the test run wrote, finds them by name, and places Go files with go.mod', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'bda-coverage-'));
    try {
      const projectDir = path.join(root, 'services/stock');
      mkdirSync(projectDir, { recursive: true });
      writeFileSync(path.join(projectDir, 'go.mod'), 'module github.com/acme/stock\n\ngo 1.22\n');
      writeFileSync(path.join(projectDir, 'coverage.out'), fixture('coverage.out'));
      const result = await measureProjectCoverage({
        runRoot: root,
        projectPath: 'services/stock',
        projectDir,
        since: Date.now() - 1_000,
        changedLines: changedLinesOf([changeAdding('services/stock/inventory/reserve.go', 6, 10)]),
        redact: (text) => text,
      });
      expect(result.reports).toEqual([{ path: 'coverage.out', format: 'Go coverprofile' }]);
      expect(result.changed).toMatchObject({ covered: 3, total: 5, percent: 60 });
      const stale = await measureProjectCoverage({
        runRoot: root,
        projectPath: 'services/stock',
        projectDir,
        since: Date.now() + 60_000,
        redact: (text) => text,
      });
      expect(stale.reports).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('does not read other XML as coverage', () => {
    expect(readCoverageXml('<testsuites><testsuite name="x"/></testsuites>')).toBeNull();
    expect(readLcov('not lcov')).toBeNull();
    expect(readGoCoverprofile('ok  github.com/acme/stock 0.1s')).toBeNull();
  });
});
