import { fetchPullRequestHead } from '../git/fetch-pull-request-head.js';
import { headCommit } from '../git/local-git.js';

export interface Workspace {
  /** The directory to analyse, or undefined when there is no checkout (diff-only analysis). */
  root: string | undefined;
  commit: { sha: string | null; note?: string };
}

export interface WorkspaceRequest {
  directory: string;
  prNumber: number;
  /** The head commit GitHub reported when the run started: what is analysed and run. */
  headSha: string;
  /** Commits that count as "the PR": its head, and on `pull_request` the merge commit GITHUB_SHA. */
  acceptedCommits: string[];
  tempDir: string;
  /** For fetching the PR head when the checkout keeps no credentials. */
  auth?: { serverUrl: string; token: string };
}

const short = (sha: string) => sha.slice(0, 7);

/**
 * Finds the checkout that holds the PR's code. `issue_comment` and `workflow_dispatch` runs
 * check out the default branch, so the PR's head commit is fetched by its SHA into a separate
 * worktree; when that is impossible the report says which commit it analysed.
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
    return { root: checkout.worktree, commit: { sha: request.headSha, ...(moved ? { note: moved } : {}) } };
  }
  return {
    root: request.directory,
    commit: {
      sha: head,
      note: `The checkout is at ${short(head)}, not the pull request's head ${short(request.headSha)}, and that commit could not be fetched: discovery and tests ran on ${short(head)}.`,
    },
  };
}
