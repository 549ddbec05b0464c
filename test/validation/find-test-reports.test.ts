import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTestReports, isTestReportPath } from '../../src/validation/find-test-reports.js';
import { emptyRoot } from './validation-test-kit.js';

describe('findTestReports', () => {
  it('finds fresh reports where runners write them and ignores stale ones and dependencies', async () => {
    const dir = await emptyRoot();
    const write = async (path: string, ageMs = 0): Promise<void> => {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), '<testsuite/>');
      if (ageMs) await utimes(join(dir, path), (Date.now() - ageMs) / 1000, (Date.now() - ageMs) / 1000);
    };
    const since = Date.now();
    await write('target/surefire-reports/TEST-com.acme.AppTest.xml');
    await write('app/build/test-results/test/TEST-AppTest.xml');
    await write('junit.xml');
    await write('TestResults/run.trx');
    await write('old/junit.xml', 60_000);
    await write('node_modules/pkg/junit.xml');
    await write('config/settings.xml');
    const found = (await findTestReports(dir, since)).map((report) => report.path).sort();
    expect(found).toEqual([
      'TestResults/run.trx',
      'app/build/test-results/test/TEST-AppTest.xml',
      'junit.xml',
      'target/surefire-reports/TEST-com.acme.AppTest.xml',
    ]);
  });

  it('recognises report paths by name and folder', () => {
    expect(isTestReportPath('reports/jest-junit.xml')).toBe(true);
    expect(isTestReportPath('_build/test/lib/shop/test-junit-report.xml')).toBe(true);
    expect(isTestReportPath('pom.xml')).toBe(false);
  });
});
