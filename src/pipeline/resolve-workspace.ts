import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fetchPullRequestHead } from '../git/fetch-pull-request-head.js';
import { addDetachedWorktree, headCommit, removeWorktree } from '../git/local-git.js';

export interface Workspace {
  /** The directory to analyse, or undefined when there is no checkout (diff-only analysis). */
  root: string | undefined;
  commit: { sha: string | null; note?: string };
  /** True when `root` is a temporary worktree made for this run rather than the given directory. */
  temporary: boolean;
  /** Removes a temporary worktree made for a local commit; safe to call more than once. */
  release(): Promise<void>;
}

export interface WorkspaceRequest {
  directory: string;
  /**
   * The pull request whose head is fetched when the checkout is elsewhere (the action). Absent
   * on the command line, where the head is a local commit checked out in a temporary worktree.
   */
  prNumber?: number;
  /** The head commit GitHub reported when the run started: what is analysed and run. */
  headSha: string;
  /** Commits that count as "the PR": its head, and on `pull_request` the merge commit GITHUB_SHA. */
  acceptedCommits: string[];
  tempDir: string;
  /** For fetching the PR head when the checkout keeps no credentials. */
  auth?: { serverUrl: string; token: string };
}

const short = (sha: string) => sha.slice(0, 7);
const nothingToRelease = async (): Promise<void> => undefined;

/**
 * Finds the checkout that holds the head commit, for the action and the command line alike.
 * `issue_comment` and `workflow_dispatch` runs check out the default branch, so the PR's head
 * commit is fetched by its SHA into a separate worktree; on the command line a `--head` other
 * than HEAD is checked out the same way. The user's tree, index and branch never change; when
 * a PR's head cannot be had the report says which commit it analysed.
 */
export async function resolveWorkspace(request: WorkspaceRequest): Promise<Workspace> {
  const head = await headCommit(request.directory);
  if (head === undefined) {
    return {
      root: undefined,
      commit: {
        sha: request.headSha,
        note: 'No checkout was found, so only the diff was analysed: add `actions/checkout` before this step to detect the stack and run the tests.',
      },
      temporary: false,
      release: nothingToRelease,
    };
  }
  if (head === request.headSha || request.acceptedCommits.includes(head))
    return { root: request.directory, commit: { sha: head }, temporary: false, release: nothingToRelease };
  if (request.prNumber === undefined) return checkoutLocalCommit(request);
  const checkout = await fetchPullRequestHead({
    dir: request.directory,
    prNumber: request.prNumber,
    headSha: request.headSha,
    parentDir: request.tempDir,
    ...(request.auth ? { auth: request.auth } : {}),
  });
  if (checkout) {
    const moved = checkout.refMovedTo
      ? `\`refs/pull/${request.prNumber}/head\` has moved to ${short(checkout.refMovedTo)} since this run started: this report is for ${short(request.headSha)}, the head GitHub reported then. Run again for the newer commits.`
      : undefined;
    return {
      root: checkout.worktree,
      commit: { sha: request.headSha, ...(moved ? { note: moved } : {}) },
      temporary: true,
      release: nothingToRelease,
    };
  }
  return {
    root: request.directory,
    commit: {
      sha: head,
      note: `The checkout is at ${short(head)}, not the pull request's head ${short(request.headSha)}, and that commit could not be fetched: discovery and tests ran on ${short(head)}.`,
    },
    temporary: false,
    release: nothingToRelease,
  };
}

/** A local commit in a temporary worktree, removed by `release`. */
async function checkoutLocalCommit(request: WorkspaceRequest): Promise<Workspace> {
  const worktree = await mkdtemp(path.join(request.tempDir, 'backend-developer-head-'));
  let released = false;
  const release = async (): Promise<void> => {
    if (released) return;
    released = true;
    await removeWorktree(request.directory, worktree);
    await rm(worktree, { recursive: true, force: true });
  };
  try {
    await addDetachedWorktree(request.directory, request.headSha, worktree);
  } catch (error) {
    await release();
    throw new Error(
      `Could not check out ${short(request.headSha)} in a temporary worktree: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return { root: worktree, commit: { sha: request.headSha }, temporary: true, release };
}
