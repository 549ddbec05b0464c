import { resolveCommit } from '../git/local-git.js';
import { UsageError } from './usage-error.js';

/** The base when none is given: the remote's default branch, else main or master. */
export async function findDefaultBase(root: string): Promise<string> {
  for (const ref of ['origin/HEAD', 'origin/main', 'origin/master', 'main', 'master']) {
    if (await resolveCommit(root, ref).catch(() => '')) return ref;
  }
  throw new UsageError(
    'no base branch found (tried origin/HEAD, origin/main, origin/master, main, master): pass `--base <ref>`, the branch the change would merge into.',
    undefined,
    false,
  );
}
