import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ChangedFile } from '../code/diff/changed-file.js';
import { parseGitDiff } from '../code/diff/parse-git-diff.js';

const run = promisify(execFile);

/**
 * Local git, always through execFile with an argument list: refs and paths can come from
 * users, and none of it may ever be read by a shell. `env` replaces the environment (for
 * credentials handed to one fetch); git never prompts for a password.
 */
export async function git(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const { stdout } = await run('git', ['-c', 'core.quotePath=false', ...args], {
    cwd,
    env: { ...env, GIT_TERMINAL_PROMPT: '0' },
    maxBuffer: 512 * 1024 * 1024,
    encoding: 'utf8',
  });
  return stdout;
}

/** Rejects values git would read as an option. */
function checkRef(ref: string): string {
  if (ref.startsWith('-') || /[\s\0]/.test(ref)) throw new Error(`\`${ref}\` is not a git ref.`);
  return ref;
}

export async function isGitWorkTree(dir: string): Promise<boolean> {
  try {
    return (await git(dir, ['rev-parse', '--is-inside-work-tree'])).trim() === 'true';
  } catch {
    return false;
  }
}

/** The commit checked out in `dir`, or undefined when `dir` is not a git checkout. */
export async function headCommit(dir: string): Promise<string | undefined> {
  try {
    return (await git(dir, ['rev-parse', 'HEAD'])).trim();
  } catch {
    return undefined;
  }
}

export async function resolveCommit(dir: string, ref: string): Promise<string> {
  return (await git(dir, ['rev-parse', '--verify', '--quiet', `${checkRef(ref)}^{commit}`])).trim();
}

/** Files changed between the merge base of `base` and `head`, and `head` (what a PR shows). */
export async function diffAgainstBase(dir: string, base: string, head: string): Promise<ChangedFile[]> {
  const output = await git(dir, [
    'diff',
    '--no-color',
    '--no-ext-diff',
    '--find-renames',
    '--unified=3',
    `${checkRef(base)}...${checkRef(head)}`,
  ]);
  return parseGitDiff(output);
}

/**
 * Checks `commit` out in a new detached worktree at `path`: the user's working tree, index and
 * branch stay as they are (git only records the worktree under `.git/worktrees`).
 */
export async function addDetachedWorktree(dir: string, commit: string, path: string): Promise<void> {
  await git(dir, ['worktree', 'add', '--quiet', '--detach', path, checkRef(commit)]);
}

/** Removes a worktree made by `addDetachedWorktree`, files and git's record of it alike. */
export async function removeWorktree(dir: string, path: string): Promise<void> {
  await git(dir, ['worktree', 'remove', '--force', path]).catch(() => undefined);
  await git(dir, ['worktree', 'prune']).catch(() => undefined);
}

/**
 * A file's text as commit `rev` stores it (the object database, not the working tree), or
 * undefined when the commit has no such file.
 */
export async function readFileAtCommit(dir: string, rev: string, file: string): Promise<string | undefined> {
  const spec = `${checkRef(rev)}:${file.replace(/^\.\//, '')}`;
  try {
    await git(dir, ['cat-file', '-e', spec]);
  } catch {
    return undefined;
  }
  return git(dir, ['cat-file', 'blob', spec]);
}
