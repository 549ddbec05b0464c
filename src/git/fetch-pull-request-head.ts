import { basicAuthHeaderValue } from '../redaction/basic-auth-header.js';
import { git } from './local-git.js';

export interface PullRequestHeadRequest {
  /** The checkout to fetch into (its `origin` is the repository). */
  dir: string;
  prNumber: number;
  /** The head commit GitHub reported when the run started: exactly this commit is checked out. */
  headSha: string;
  /** Where the worktree goes (the runner's temp directory). */
  parentDir: string;
  /** Credentials for this fetch only, used when the checkout persisted none (`persist-credentials: false`). */
  auth?: { serverUrl: string; token: string };
}

export interface PullRequestHeadCheckout {
  worktree: string;
  /** Where `refs/pull/<n>/head` points now, when that is no longer `headSha` (a push after the run started). */
  refMovedTo?: string;
}

/**
 * Fetches the pull request's head commit by its SHA and checks it out in a separate worktree,
 * leaving the user's checkout alone. The SHA, not `refs/pull/<n>/head`: the ref moves with every
 * push, and a push made after someone read the PR and commented must not be what runs.
 * Returns undefined when that exact commit cannot be had.
 */
export async function fetchPullRequestHead(
  request: PullRequestHeadRequest,
): Promise<PullRequestHeadCheckout | undefined> {
  const { dir, prNumber, headSha } = request;
  if (!/^[0-9a-f]{40}$/i.test(headSha)) return undefined;
  const env = await fetchEnvironment(dir, request.auth);
  const pullRef = `refs/pull/${prNumber}/head`;
  const fetched = await git(dir, ['fetch', '--no-tags', '--depth=1', 'origin', headSha], env).then(
    () => true,
    () => false,
  );
  // A server that refuses a SHA in `want` still serves the ref: look for the commit in its history.
  if (!fetched)
    await git(
      dir,
      ['fetch', '--no-tags', '--depth=50', 'origin', `+${pullRef}:refs/backend-developer/pr-${prNumber}`],
      env,
    ).catch(() => undefined);
  const present = await git(dir, ['cat-file', '-e', `${headSha}^{commit}`]).then(
    () => true,
    () => false,
  );
  if (!present) return undefined;
  const worktree = `${request.parentDir}/backend-developer-pr-${prNumber}`;
  try {
    await git(dir, ['worktree', 'add', '--force', '--detach', worktree, headSha]);
  } catch {
    return undefined;
  }
  const current = await currentRefHead(dir, pullRef, env);
  return { worktree, ...(current && current !== headSha ? { refMovedTo: current } : {}) };
}

/** Where the remote's ref points now, without fetching it; undefined when it cannot be asked. */
async function currentRefHead(dir: string, ref: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const out = await git(dir, ['ls-remote', 'origin', ref], env).catch(() => '');
  const sha = out.split(/\s/)[0] ?? '';
  return /^[0-9a-f]{40}$/i.test(sha) ? sha : undefined;
}

/**
 * The environment for the action's own fetches. When the checkout keeps no credentials
 * (`persist-credentials: false`), the token goes to git through `GIT_CONFIG_*` for this process
 * only, the way actions/checkout sends it, and is never written to a config file the PR's code
 * could read. When credentials are already configured, adding a second header would make
 * GitHub refuse both.
 */
async function fetchEnvironment(
  dir: string,
  auth: PullRequestHeadRequest['auth'],
): Promise<NodeJS.ProcessEnv> {
  if (!auth?.token) return process.env;
  const configured = await git(dir, ['config', '--get-regexp', '^http\\..*\\.extraheader$']).catch(() => '');
  if (configured.trim() !== '') return process.env;
  const basic = basicAuthHeaderValue(auth.token);
  return {
    ...process.env,
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: `http.${auth.serverUrl.replace(/\/+$/, '')}/.extraheader`,
    GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}`,
  };
}
