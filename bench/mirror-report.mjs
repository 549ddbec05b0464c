// Shared by the benchmarks that run the built CLI on real commits of mirrored public repositories.
// Mirrors are git directories read from BENCH_MIRRORS (default /work/.mirror), as <owner>+<name>/repo or
// <owner>+<name>; fetched code is never copied into this repository.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The built CLI these benchmarks run (`npm run build` writes it). */
export const cliPath = path.join(root, 'dist', 'cli.js');

/** The git directory of a repository's mirror, or undefined when it is absent. */
export function mirrorDir(repo) {
  const base = path.join(process.env.BENCH_MIRRORS ?? '/work/.mirror', repo.replace('/', '+'));
  return [path.join(base, 'repo'), base].find((dir) => existsSync(path.join(dir, 'HEAD')));
}

/** Runs git on a bare git directory and returns its standard output. */
export function gitDirOutput(dir, ...args) {
  return execFileSync('git', ['--git-dir', dir, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
}

/**
 * Clones the mirror into a temporary folder, checks out `commit` and runs
 * `dist/cli.js report <clone> --base <parent> --head <commit> --json --no-validate`; returns the parsed
 * report. The clone is removed afterwards, whatever happens.
 */
export function reportOnCommit(gitDir, { commit, parent }) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'real-commit-'));
  try {
    const clone = path.join(tmp, 'repo');
    execFileSync('git', ['clone', '--quiet', '--no-checkout', gitDir, clone], { stdio: 'ignore' });
    execFileSync('git', ['-C', clone, 'checkout', '--quiet', commit], { stdio: 'ignore' });
    const cliArgs = [cliPath, 'report', clone, '--base', parent, '--head', commit, '--json', '--no-validate'];
    let stdout;
    try {
      stdout = execFileSync(process.execPath, cliArgs, {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        timeout: 15 * 60_000,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      if (!error.stdout) {
        const detail = String(error.stderr || error.message).slice(0, 300);
        throw new Error(`report failed: ${detail}`, { cause: error });
      }
      stdout = error.stdout; // a non-zero exit still prints the report
    }
    return JSON.parse(stdout);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
