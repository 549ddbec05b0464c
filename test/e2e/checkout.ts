import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseGitDiff } from '../../src/code/diff/parse-git-diff.js';
import type { SeededFile } from '../harness/index.js';

export interface Checkout {
  dir: string;
  baseSha: string;
  headSha: string;
  /** The PR's files as GitHub would list them, from `git diff base...head`. */
  files: SeededFile[];
  remove(): void;
}

/**
 * A real git checkout made from a fixture's `base/` and `head/` folders (two commits), as
 * actions/checkout would leave it: at the head commit.
 */
export interface CheckoutOptions {
  /** The head commit's message (its first line stands in for a PR title in the CLI). */
  headMessage?: string;
  /** The branch the head commit is made on (default: main). */
  branch?: string;
}

export function makeCheckout(fixture: string, options: CheckoutOptions = {}): Checkout {
  return makeCheckoutFrom(path.resolve('test/fixtures/e2e', fixture), options);
}

/** The same, from a fixture folder given by its path. */
export function makeCheckoutFrom(source: string, options: CheckoutOptions = {}): Checkout {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bda-checkout-'));
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args],
      { cwd: dir, encoding: 'utf8' },
    ).trim();
  git('init', '--quiet', '--initial-branch=main');
  cpSync(path.join(source, 'base'), dir, { recursive: true });
  git('add', '--all');
  git('commit', '--quiet', '-m', 'base');
  const baseSha = git('rev-parse', 'HEAD');
  if (options.branch) git('checkout', '--quiet', '-b', options.branch);
  cpSync(path.join(source, 'head'), dir, { recursive: true });
  git('add', '--all');
  git('commit', '--quiet', '-m', options.headMessage ?? 'head');
  const headSha = git('rev-parse', 'HEAD');
  const files = parseGitDiff(git('diff', '--find-renames', `${baseSha}...${headSha}`) + '\n').map((f) => ({
    filename: f.path,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    ...(f.patch !== undefined ? { patch: f.patch } : {}),
    ...(f.previousPath ? { previousFilename: f.previousPath } : {}),
  }));
  return { dir, baseSha, headSha, files, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Leaves the checkout where actions/checkout leaves it on `pull_request`: at GitHub's test merge
 * of the head into the base (a merge commit, even when the head is ahead of the base). Returns
 * its SHA, the event's `pull_request.merge_commit_sha` and the run's GITHUB_SHA.
 */
export function checkOutMergeCommit(checkout: Checkout): string {
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args],
      { cwd: checkout.dir, encoding: 'utf8' },
    ).trim();
  git('checkout', '--quiet', '--detach', checkout.baseSha);
  git(
    'merge',
    '--quiet',
    '--no-ff',
    '--no-edit',
    '-m',
    `Merge ${checkout.headSha} into ${checkout.baseSha}`,
    checkout.headSha,
  );
  return git('rev-parse', 'HEAD');
}
