import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, git, repositoryWith, scratchDir, writeFiles } from './cli-process.js';

const scratches: { remove(): void }[] = [];
afterEach(() => scratches.splice(0).forEach((s) => s.remove()));

function scratch(prefix: string): string {
  const made = scratchDir(prefix);
  scratches.push(made);
  return made.dir;
}

/** Everything that says what state a checkout is in: branch, HEAD, index, working tree, worktrees. */
function checkoutState(dir: string): string {
  return [
    git(dir, 'rev-parse', '--abbrev-ref', 'HEAD'),
    git(dir, 'rev-parse', 'HEAD'),
    git(dir, 'status', '--porcelain=v2', '--ignored', '--untracked-files=all'),
    git(dir, 'worktree', 'list', '--porcelain'),
    readdirSync(dir).sort().join(','),
  ].join('\n---\n');
}

const CALC = {
  'package.json': JSON.stringify({ name: 'calc', version: '1.0.0', scripts: { test: 'node --test' } }),
  'sum.js': 'exports.sum = (a, b) => a + b;\n',
  'sum.test.js': [
    "const test = require('node:test');",
    "const assert = require('node:assert');",
    "const { sum } = require('./sum');",
    "test('adds', () => assert.strictEqual(sum(1, 2), 3));",
    '',
  ].join('\n'),
};

describe('the commit the command line names is the commit it tests', () => {
  it('tests a failing feature branch in a temporary worktree while main stays checked out, untouched', () => {
    const dir = scratch('bda-cli-head-');
    repositoryWith(dir, CALC);
    git(dir, 'checkout', '--quiet', '-b', 'feature');
    writeFiles(dir, { 'sum.js': 'exports.sum = (a, b) => a - b;\n' });
    git(dir, 'commit', '--quiet', '-am', 'feat: subtract instead');
    const featureSha = git(dir, 'rev-parse', 'HEAD');
    git(dir, 'checkout', '--quiet', 'main');
    const before = checkoutState(dir);

    const run = cli(['report', dir, '--base', 'main', '--head', 'feature', '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      commit: { sha: string };
      validation: { status: string; projects: { project: string; outcome: string }[] };
      notes: string[];
    };
    expect(report.commit.sha).toBe(featureSha);
    expect(report.validation.status).toBe('failed');
    expect(report.validation.projects).toMatchObject([{ project: '.', outcome: 'failed' }]);
    expect(report.notes.join('\n')).toContain('Commands ran in a temporary worktree of `feature`');
    expect(run.stderr).toContain(
      `Checked out feature (${featureSha.slice(0, 7)}) in a temporary worktree at `,
    );

    // The user's branch, index, tree and worktree list are as they were; the worktree is gone.
    expect(checkoutState(dir)).toBe(before);
    const worktree = /in a temporary worktree at (\S+);/.exec(run.stderr)?.[1] ?? '';
    expect(worktree).toMatch(/backend-developer-head-/);
    expect(existsSync(worktree)).toBe(false);

    // The same change seen from main's passing tree: the report of main itself passes.
    const onMain = cli(['validate', dir, '--json']);
    expect(onMain.code).toBe(0);
    expect(checkoutState(dir)).toBe(before);
  }, 120_000);

  it('reviews the --head commit, not the checked-out tree', () => {
    const dir = scratch('bda-cli-review-head-');
    repositoryWith(dir, CALC);
    git(dir, 'checkout', '--quiet', '-b', 'feature');
    writeFiles(dir, {
      'db.js': 'exports.find = (db, id) => db.query(`SELECT * FROM users WHERE id = ${id}`);\n',
    });
    git(dir, 'add', '--all');
    git(dir, 'commit', '--quiet', '-m', 'feat: find users');
    git(dir, 'checkout', '--quiet', 'main');
    const run = cli(['review', 'security', dir, '--base', 'main', '--head', 'feature', '--json']);
    const findings = JSON.parse(run.stdout) as { file: string; line: number }[];
    expect(findings.some((f) => f.file === 'db.js' && f.line === 1)).toBe(true);
    expect(existsSync(path.join(dir, 'db.js'))).toBe(false);
  });
});

describe('the command line never writes into the checkout', () => {
  it('runs an install that writes a lockfile in a temporary copy and says where it ran', () => {
    const dir = scratch('bda-cli-copy-');
    repositoryWith(dir, CALC);
    writeFiles(dir, { '.env': 'LOCAL=1\n', '.gitignore': '.env\n' });
    const before = checkoutState(dir);
    const run = cli(['validate', dir]);
    expect(run.code).toBe(0);
    // npm install without a lockfile writes package-lock.json: in the copy, not here.
    expect(run.stderr).toContain('install · npm install');
    expect(existsSync(path.join(dir, 'package-lock.json'))).toBe(false);
    expect(checkoutState(dir)).toBe(before);
    expect(run.stdout).toMatch(
      /Commands ran in a temporary copy of .* \(removed afterwards; your checkout is not modified\)/,
    );
  }, 120_000);

  it('installs a pip project into a virtual environment made for the run, never the system Python', () => {
    const dir = scratch('bda-cli-venv-');
    repositoryWith(dir, {
      'requirements.txt': 'flask==3.0.0\n',
      'app.py': 'VALUE = 1\n',
      '.github/backend-developer.yml': [
        'projects:',
        '  - path: .',
        // No test reaches a package index: the install only proves which interpreter pip belongs to.
        `    install: python -c "import sys; assert sys.prefix != sys.base_prefix, 'not in a venv'"`,
        `    test: python -c "import sys; assert sys.prefix != sys.base_prefix, 'not in a venv'; print('1 passed, 0 failed')"`,
        '',
      ].join('\n'),
    });
    const before = checkoutState(dir);
    const run = cli(['validate', dir, '--json']);
    expect(run.stderr).toMatch(
      /Python commands run in the virtual environment \S+backend-developer-venv-\S+ \(made for this run\)/,
    );
    const summary = JSON.parse(run.stdout) as {
      status: string;
      projects: { commands: { kind: string; outcome: string }[] }[];
    };
    expect(summary.projects[0]?.commands.map((c) => [c.kind, c.outcome])).toEqual([
      ['install', 'passed'],
      ['test', 'passed'],
      ['lint', 'skipped'],
    ]);
    expect(run.code).toBe(0);
    expect(checkoutState(dir)).toBe(before);
  }, 240_000);
});
