import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const SCRIPT = path.resolve('scripts/move-major-tag.mjs');

let root: string;
let work: string;
let remote: string;

function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@example.com',
      '-c',
      'commit.gpgsign=false',
      '-c',
      'tag.gpgsign=false',
      ...args,
    ],
    { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  ).trim();
}

/** A commit whose package.json says `version`, tagged `tag`. */
function release(version: string, tag = `v${version}`): string {
  writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'x', version }));
  git(work, 'add', 'package.json');
  git(work, 'commit', '--quiet', '-m', `release ${version}`);
  git(work, 'tag', tag);
  git(work, 'push', '--quiet', 'origin', 'HEAD:main', `refs/tags/${tag}`);
  return git(work, 'rev-parse', 'HEAD');
}

function moveMajorTag(...args: string[]) {
  const run = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: work, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const remoteTag = (tag: string): string => git(remote, 'rev-parse', `refs/tags/${tag}^{commit}`);

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'release-'));
  remote = path.join(root, 'remote.git');
  work = path.join(root, 'work');
  git(root, 'init', '--quiet', '--bare', remote);
  git(root, 'init', '--quiet', '--initial-branch=main', work);
  git(work, 'remote', 'add', 'origin', remote);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('moving the major tag on release', () => {
  it('points v1 at the first release, then moves it to the next one on the remote', () => {
    const first = release('1.0.0');
    expect(moveMajorTag('v1.0.0')).toMatchObject({ code: 0, stdout: expect.stringContaining('v1 → v1.0.0') });
    expect(remoteTag('v1')).toBe(first);

    const second = release('1.1.0');
    expect(moveMajorTag('v1.1.0').code).toBe(0);
    expect(remoteTag('v1')).toBe(second);
    expect(remoteTag('v1.0.0')).toBe(first);
  });

  it('leaves the major tag alone for a pre-release', () => {
    const stable = release('2.0.0');
    moveMajorTag('v2.0.0');
    release('2.1.0-rc.1');
    const run = moveMajorTag('v2.1.0-rc.1');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('pre-release');
    expect(remoteTag('v2')).toBe(stable);
  });

  it('refuses a tag whose package.json version differs, and says what to run', () => {
    release('1.2.0', 'v1.3.0');
    const run = moveMajorTag('v1.3.0');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'package.json at v1.3.0 says version 1.2.0, not 1.3.0: run `npm version 1.3.0`',
    );
    expect(() => remoteTag('v1')).toThrow();
  });

  it('refuses a name that is not a release tag, and a tag that does not exist', () => {
    expect(moveMajorTag('latest')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('is not a release tag'),
    });
    expect(moveMajorTag('v9.9.9')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('There is no tag v9.9.9'),
    });
  });

  it('changes nothing with --dry-run', () => {
    release('3.0.0');
    const run = moveMajorTag('v3.0.0', '--dry-run');
    expect(run).toMatchObject({ code: 0, stdout: expect.stringContaining('v3 → v3.0.0') });
    expect(() => git(work, 'rev-parse', '--verify', '--quiet', 'refs/tags/v3')).toThrow();
  });
});
