import { checkoutPullRequestHead, headCommit } from '../git/local-git.js';

export interface Workspace {
  /** The directory to analyse, or undefined when there is no checkout (diff-only analysis). */
  root: string | undefined;
  commit: { sha: string | null; note?: string };
}

export interface WorkspaceRequest {
  directory: string;
  prNumber: number;
  headSha: string;
  /** Commits that count as "the PR": its head, and on `pull_request` the merge commit GITHUB_SHA. */
  acceptedCommits: string[];
  tempDir: string;
}

/**
 * Finds the checkout that holds the PR's code. `issue_comment` and `workflow_dispatch` runs
 * check out the default branch, so the PR head is fetched into a separate worktree; when that
 * is impossible the report says which commit it analysed.
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
    };
  }
  if (head === request.headSha || request.acceptedCommits.includes(head))
    return { root: request.directory, commit: { sha: head } };
  const worktree = await checkoutPullRequestHead(request.directory, request.prNumber, request.tempDir);
  if (worktree) return { root: worktree, commit: { sha: request.headSha } };
  return {
    root: request.directory,
    commit: {
      sha: head,
      note: `The checkout is at ${head.slice(0, 7)}, not the pull request's head ${request.headSha.slice(0, 7)}, and \`refs/pull/${request.prNumber}/head\` could not be fetched: discovery and tests ran on ${head.slice(0, 7)}.`,
    },
  };
}
