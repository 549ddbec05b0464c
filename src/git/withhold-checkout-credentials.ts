import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { git } from './local-git.js';

/** The keys actions/checkout persists the workflow token under (`http.https://github.com/.extraheader`). */
const CREDENTIAL_KEYS = '^http\\..*\\.extraheader$';

interface PersistedCredential {
  file: string;
  key: string;
}

/** Where a warning goes; the action's run log. */
export interface CredentialLog {
  notice(message: string): void;
  warning(message: string): void;
}

/**
 * Runs `work` (the pull request's install, test and lint commands) while the credentials
 * actions/checkout persisted are out of every git config file that applies to `dirs`, and puts
 * each file back byte for byte afterwards.
 *
 * With the default `persist-credentials: true`, actions/checkout writes the workflow token as an
 * `http.<server>.extraheader` into `.git/config` (v6: into a file under RUNNER_TEMP that
 * `.git/config` includes). A worktree shares that config, and any process of the job can read the
 * file, so hiding it from `git config` alone is not enough: while PR code runs, the token must not
 * be on disk at all. If the job is killed before the restore, the credentials stay removed: the
 * checkout's own post step would have removed them at the end of the job anyway.
 */
export async function withCheckoutCredentialsWithheld<T>(
  dirs: string[],
  log: CredentialLog,
  work: () => Promise<T>,
): Promise<T> {
  const found = await findPersistedCredentials(dirs);
  const files = [...new Set(found.map((c) => c.file))];
  const originals = new Map<string, Buffer>();
  for (const file of files) {
    const keys = [...new Set(found.filter((c) => c.file === file).map((c) => c.key))];
    try {
      originals.set(file, await readFile(file));
      for (const key of keys) await git(path.dirname(file), ['config', '--file', file, '--unset-all', key]);
    } catch (error) {
      log.warning(
        `Could not remove the persisted git credentials from ${file} before running the pull request's commands (${(error as Error).message}): set \`persist-credentials: false\` on actions/checkout.`,
      );
    }
  }
  if (files.length > 0)
    log.notice(
      "The checkout's persisted git credentials were taken out of the git config while the pull request's commands ran: set `persist-credentials: false` on actions/checkout so there is nothing to take out.",
    );
  try {
    return await work();
  } finally {
    for (const [file, content] of originals) await writeFile(file, content);
  }
}

/** Every persisted credential entry git reads in any of `dirs`, with the file it comes from. */
async function findPersistedCredentials(dirs: string[]): Promise<PersistedCredential[]> {
  const found: PersistedCredential[] = [];
  for (const dir of new Set(dirs)) {
    // -z: NUL after the origin, newline between key and value, NUL after the value.
    const out = await git(dir, ['config', '-z', '--show-origin', '--get-regexp', CREDENTIAL_KEYS]).catch(
      () => '',
    );
    // Git names the local config relative to the top of the work tree, not to `dir`.
    const top = (await git(dir, ['rev-parse', '--show-toplevel']).catch(() => dir)).trim() || dir;
    const fields = out.split('\0');
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const origin = fields[i] ?? '';
      const key = (fields[i + 1] ?? '').split('\n', 1)[0] ?? '';
      // Only files can hold a persisted token; `command line:` entries live in one process's environment.
      if (!origin.startsWith('file:') || key === '') continue;
      found.push({ file: path.resolve(top, origin.slice('file:'.length)), key });
    }
  }
  return found;
}
