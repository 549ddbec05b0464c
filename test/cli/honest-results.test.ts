import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, git, repositoryWith, scratchDir, writeFiles } from './cli-process.js';

const scratches: { remove(): void }[] = [];
afterEach(() => scratches.splice(0).forEach((s) => s.remove()));

/** A repository whose base is empty and whose head (checked out) adds `files`. */
function changeAdding(prefix: string, files: Record<string, string>): string {
  const made = scratchDir(prefix);
  scratches.push(made);
  repositoryWith(made.dir, { 'README.md': '# app\n' });
  writeFiles(made.dir, files);
  git(made.dir, 'add', '--all');
  git(made.dir, 'commit', '--quiet', '-m', 'feat: add the app');
  return made.dir;
}

interface Summary {
  status: string;
  projects: {
    project: string;
    outcome: string;
    commands: { kind: string; outcome: string; tests?: { counts: object } }[];
  }[];
}

describe('honest test results through the command line', () => {
  it('says "no tests ran" for a test command that ran zero tests, and leaves the Definition of Done box unchecked', () => {
    const dir = changeAdding('bda-cli-zero-', {
      'package.json': JSON.stringify({ name: 'zero', version: '1.0.0', scripts: { test: 'node --test' } }),
      'index.js': 'module.exports = 1;\n',
    });
    const validate = cli(['validate', dir, '--json']);
    expect(validate.code).toBe(0);
    const summary = JSON.parse(validate.stdout) as Summary;
    expect(summary.status).toBe('skipped');
    expect(summary.projects[0]?.outcome).toBe('no-tests');
    expect(summary.projects[0]?.commands.find((c) => c.kind === 'test')).toMatchObject({
      outcome: 'no-tests',
      tests: { counts: { passed: 0, failed: 0, skipped: 0 } },
    });

    const report = cli(['report', dir, '--base', 'HEAD~1']);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('| `.` | ⚠️ no tests ran |');
    expect(report.stdout).toContain('| ⚠️ no tests ran |');
    expect(report.stdout).not.toMatch(/✅ 0 passed/);
    expect(report.stdout).toContain('- [ ] Tests passing — no tests ran in `.`');
  }, 120_000);

  it('treats pytest’s exit code 5 ("no tests ran") as no tests, not as a failure', () => {
    const dir = changeAdding('bda-cli-pytest-zero-', {
      'pyproject.toml': '[project]\nname = "app"\nversion = "0.1.0"\n',
      'app.py': 'VALUE = 1\n',
      '.github/backend-developer.yml':
        'projects:\n  - path: .\n    install: "true"\n    test: python -m pytest -p no:cacheprovider\n',
    });
    const run = cli(['validate', dir, '--json']);
    const summary = JSON.parse(run.stdout) as Summary;
    expect(summary.projects[0]?.commands.find((c) => c.kind === 'test')?.outcome).toBe('no-tests');
    expect(run.code).toBe(0);
  }, 240_000);

  it('reads node-tap 21 output, whose summary line the old reader missed', () => {
    const tap = readFileSync(path.resolve('test/fixtures/validation/outputs/node-tap-21.txt'), 'utf8');
    const dir = changeAdding('bda-cli-tap-', {
      'tap-output.txt': tap,
      'package.json': JSON.stringify({ name: 'tapped', version: '1.0.0' }),
      '.github/backend-developer.yml':
        'projects:\n  - path: .\n    install: "true"\n    test: cat tap-output.txt; exit 1\n',
    });
    const run = cli(['validate', dir, '--json']);
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.stdout) as Summary;
    expect(summary.projects[0]?.commands.find((c) => c.kind === 'test')).toMatchObject({
      outcome: 'failed',
      tests: { counts: { passed: 1, failed: 1, skipped: 0 }, parsedFrom: 'TAP output' },
    });
  });
});
