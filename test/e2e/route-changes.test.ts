import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Each folder under test/fixtures/routes is a small repository at two commits (`base/`, then
// `head/` as the whole tree) and `expected.json`: the endpoint changes the built CLI must
// report, as `<change> <METHOD> <path>` lines, and why.
const FIXTURES = path.resolve('test/fixtures/routes');

interface Expected {
  why: string;
  endpoints: string[];
}

interface ReportedEndpoint {
  method: string;
  path: string;
  change: string;
  previous?: { method: string; path: string };
}

function repositoryOf(fixture: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bda-routes-'));
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
  git('init', '--quiet', '--initial-branch=main');
  cpSync(path.join(fixture, 'base'), dir, { recursive: true });
  git('add', '--all');
  git('commit', '--quiet', '-m', 'base');
  git('checkout', '--quiet', '-b', 'feature');
  git('rm', '-r', '--quiet', '.');
  cpSync(path.join(fixture, 'head'), dir, { recursive: true });
  git('add', '--all');
  git('commit', '--quiet', '-m', 'head');
  return dir;
}

function describeEndpoint(endpoint: ReportedEndpoint): string {
  const line = `${endpoint.change} ${endpoint.method} ${endpoint.path}`;
  return endpoint.previous ? `${line} (was ${endpoint.previous.method} ${endpoint.previous.path})` : line;
}

describe.each(readdirSync(FIXTURES).sort())('endpoint changes of %s', (name) => {
  it('are what expected.json says, through the built CLI', () => {
    const expected = JSON.parse(readFileSync(path.join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected;
    const dir = repositoryOf(path.join(FIXTURES, name));
    try {
      const run = spawnSync(
        process.execPath,
        ['dist/cli.js', 'report', dir, '--base', 'main', '--head', 'feature', '--json', '--no-validate'],
        {
          encoding: 'utf8',
          timeout: 120_000,
        },
      );
      expect(run.stderr).not.toMatch(/Error:/);
      const report = JSON.parse(run.stdout) as { analysis: { endpoints: ReportedEndpoint[] } };
      expect(report.analysis.endpoints.map(describeEndpoint).sort()).toEqual([...expected.endpoints].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
