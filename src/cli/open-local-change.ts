import os from 'node:os';
import type { ChangedFile } from '../code/diff/changed-file.js';
import { diffAgainstBase } from '../git/local-git.js';
import { resolveWorkspace, type Workspace } from '../pipeline/resolve-workspace.js';
import { requireCommit, requireGitCheckout } from './check-arguments.js';
import { findDefaultBase } from './find-default-base.js';

export interface LocalChange {
  /** The user's checkout. */
  root: string;
  base: string;
  baseSha: string;
  head: string;
  headSha: string;
  files: ChangedFile[];
  /** Where the head commit is: the checkout itself, or a temporary worktree (release it when done). */
  workspace: Workspace & { root: string };
}

/**
 * The change from `--base` to `--head` in a local checkout, with a directory holding the head
 * commit. A head other than the checkout's HEAD is checked out in a temporary worktree through
 * the same workspace logic the action uses for a pull request's head.
 */
export async function openLocalChange(
  root: string,
  command: string,
  refs: { base?: string; head?: string },
): Promise<LocalChange> {
  await requireGitCheckout(root, command);
  const base = refs.base ?? (await findDefaultBase(root));
  const head = refs.head ?? 'HEAD';
  // Both refs are resolved at once; a wrong --base is reported first, whichever git answers first.
  const [baseResult, headResult] = await Promise.allSettled([
    requireCommit(root, base, '--base'),
    requireCommit(root, head, '--head'),
  ]);
  if (baseResult.status === 'rejected') throw baseResult.reason;
  if (headResult.status === 'rejected') throw headResult.reason;
  const baseSha = baseResult.value;
  const headSha = headResult.value;
  const files = await diffAgainstBase(root, baseSha, headSha);
  const workspace = await resolveWorkspace({
    directory: root,
    headSha,
    acceptedCommits: [],
    tempDir: os.tmpdir(),
  });
  return {
    root,
    base,
    baseSha,
    head,
    headSha,
    files,
    workspace: { ...workspace, root: workspace.root ?? root },
  };
}
