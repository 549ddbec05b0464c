import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCheckout, type Checkout } from './checkout.js';

let shop: Checkout;

beforeAll(() => {
  shop = makeCheckout('migrations-postgres');
});
afterAll(() => shop?.remove());

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['dist/cli.js', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function findings(area: string): string[] {
  const run = cli('review', area, shop.dir, '--base', shop.baseSha, '--json');
  const parsed = JSON.parse(run.stdout) as { ruleId: string; file: string; line: number }[];
  return parsed
    .filter((finding) => finding.file.startsWith('migrations/'))
    .map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)
    .sort();
}

// A Node service on PostgreSQL (the `pg` driver): an existing composite index, a formatting-only
// edit to an applied migration, a new migration, and a table it creates that the next one drops.
describe('migrations read once, through the built command line', () => {
  it('lists in the report the same operations the reviews judge', () => {
    const run = cli('report', shop.dir, '--base', shop.baseSha, '--no-validate', '--json');
    const report = JSON.parse(run.stdout) as {
      analysis: {
        migrations: {
          file: string;
          dialect?: string;
          tablesCreated: string[];
          destructive: { line: number; detail: string }[];
        }[];
      };
    };
    const byFile = new Map(report.analysis.migrations.map((migration) => [migration.file, migration]));
    expect(byFile.get('migrations/002_profiles.sql')?.tablesCreated).toEqual([]);
    expect(byFile.get('migrations/003_orders.sql')?.dialect).toBe('postgresql');
    expect(byFile.get('migrations/003_orders.sql')?.destructive).toEqual([
      {
        operation: 'not-null-without-default',
        line: 3,
        detail: 'adds users.plan NOT NULL without a default',
      },
      { operation: 'drop-column', line: 4, detail: 'drops column users.nickname' },
    ]);
  });

  it('flags each unsafe step on its line, and the safe ones not at all', () => {
    expect(findings('database')).toEqual([
      'migrations/003_orders.sql:2 database/constraint-without-not-valid',
      'migrations/003_orders.sql:3 database/not-null-without-default',
      'migrations/003_orders.sql:4 database/destructive-migration',
    ]);
  });

  it('judges foreign-key indexes after every migration: a composite index counts, a dropped table does not', () => {
    expect(findings('performance')).toEqual([
      'migrations/003_orders.sql:2 performance/foreign-key-without-index',
    ]);
  });
});
