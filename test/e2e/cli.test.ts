import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCheckout, type Checkout } from './checkout.js';

let auth: Checkout;
let services: Checkout;

beforeAll(() => {
  auth = makeCheckout('auth-service');
  services = makeCheckout('two-services');
});
afterAll(() => {
  auth?.remove();
  services?.remove();
});

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['dist/cli.js', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the backend-developer command', () => {
  it('prints the report for a local change against a base', () => {
    const run = cli('report', auth.dir, '--base', auth.baseSha, '--no-validate');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('<!-- backend-developer:report -->');
    expect(run.stdout).toMatch(/\| POST \| `\/auth\/login` \| 🆕 added/);
    expect(run.stdout).toContain('### Handoffs');
  });

  it('prints the report as JSON with --json', () => {
    const run = cli('report', auth.dir, '--base', auth.baseSha, '--no-validate', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      type: string;
      analysis: { endpoints: { path: string }[] };
      handoffs: { area: string }[];
    };
    expect(report.type).toBe('implementation');
    expect(report.analysis.endpoints.map((e) => e.path)).toEqual(
      expect.arrayContaining(['/auth/login', '/auth/me']),
    );
    expect(report.handoffs.map((h) => h.area)).toContain('security');
  });

  it('reviews one area and exits 1 on a high finding', () => {
    const run = cli('review', 'security', auth.dir, '--base', auth.baseSha, '--json');
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout) as { ruleId: string; file: string; severity: string }[];
    expect(findings.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining([
        'security/weak-password-hash',
        'security/sql-string-building',
        'security/jwt-without-verification',
      ]),
    );
  });

  it('validates the projects for real and exits 1 when a test fails', () => {
    const run = cli('validate', services.dir, '--json');
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.stdout) as {
      status: string;
      projects: { project: string; outcome: string }[];
    };
    expect(summary.status).toBe('failed');
    expect(summary.projects.map((p) => [p.project, p.outcome])).toEqual([
      ['services/pricing', 'passed'],
      ['services/stock', 'failed'],
    ]);
    const one = cli('validate', services.dir, '--project', 'services/pricing');
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('`services/pricing`');
    expect(one.stdout).not.toContain('`services/stock`');
  });

  it('exits 2 with the usage on bad usage', () => {
    for (const args of [
      [],
      ['frobnicate'],
      ['report', '--type', 'poem'],
      ['review', 'everything'],
      ['report', '--no-such-flag'],
    ]) {
      const run = cli(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout + run.stderr).toContain('Usage:');
    }
  });
});
