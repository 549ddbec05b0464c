import { stat } from 'node:fs/promises';
import path from 'node:path';
import { headCommit, resolveCommit } from '../git/local-git.js';
import { UsageError } from './usage-error.js';

/** The directory argument as an absolute path; a missing one is a usage error naming it. */
export async function requireDirectory(dir: string): Promise<string> {
  const absolute = path.resolve(dir);
  const info = await stat(absolute).catch(() => undefined);
  if (!info) throw new UsageError(`directory \`${dir}\` does not exist (${absolute}).`, undefined, false);
  if (!info.isDirectory()) throw new UsageError(`\`${dir}\` is not a directory.`, undefined, false);
  return absolute;
}

/**
 * The config file to read: an explicit `--config` must exist (relative to the current directory,
 * or else to `dir`); without one, the repository's `.github/backend-developer.yml`, if any.
 */
export async function requireConfig(root: string, config: string | undefined): Promise<string> {
  if (config === undefined) return path.join(root, '.github/backend-developer.yml');
  for (const candidate of [path.resolve(config), path.resolve(root, config)]) {
    if ((await stat(candidate).catch(() => undefined))?.isFile()) return candidate;
  }
  throw new UsageError(
    `config file \`${config}\` not found (looked in ${process.cwd()} and ${root}).`,
    undefined,
    false,
  );
}

/** A git checkout; anything else is a usage error for the commands that diff. */
export async function requireGitCheckout(root: string, command: string): Promise<void> {
  if ((await headCommit(root)) === undefined)
    throw new UsageError(
      `${root} is not a git checkout with a commit; \`${command}\` diffs --base against --head.`,
      undefined,
      false,
    );
}

/** The commit a `--base`/`--head` value names; one that does not resolve is a usage error. */
export async function requireCommit(root: string, ref: string, option: string): Promise<string> {
  const sha = await resolveCommit(root, ref).catch(() => '');
  if (!sha) throw new UsageError(`${option} \`${ref}\` is not a commit in ${root}.`, undefined, false);
  return sha;
}
