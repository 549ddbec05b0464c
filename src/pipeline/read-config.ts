import type { ChangedFile } from '../code/diff/changed-file.js';
import { parseConfig, type Config } from '../config/parse-config.js';
import { readFileAtCommit } from '../git/local-git.js';
import type { PullRequestInfo } from '../github/pull-request.js';
import type { ActionEnvironment } from './action-environment.js';

/** GitHub lists at most this many files of a PR: beyond it, "the PR does not touch the config" is unknown. */
const MAX_LISTED_FILES = 3000;

/** A checkout the config may be read from instead of the API. */
export interface ConfigCheckout {
  root: string;
  /** The commit checked out. */
  commit: string;
  /** The PR's files, as GitHub lists them. */
  files: ChangedFile[];
}

/**
 * On `pull_request`, actions/checkout leaves GitHub's test merge of the PR into the current base
 * branch (GITHUB_SHA). When the PR does not touch the config file, the merge commit's copy *is*
 * the base branch's, so it is read from git's objects and the API call is saved. Anything else
 * (another event, another commit, a PR that edits the file, a file list cut at 3,000) asks GitHub.
 * A PR head is never used: its branch may start from an old base with an old config.
 */
async function readFromMergeCommit(
  env: ActionEnvironment,
  checkout: ConfigCheckout | undefined,
): Promise<{ text: string | undefined } | undefined> {
  if (!checkout || env.run.eventName !== 'pull_request' || checkout.commit !== env.run.sha) return undefined;
  const path = env.settings.configPath.replace(/^\.\//, '');
  const { files } = checkout;
  if (files.length >= MAX_LISTED_FILES || files.some((f) => f.path === path || f.previousPath === path))
    return undefined;
  try {
    return { text: await readFileAtCommit(checkout.root, checkout.commit, path) };
  } catch {
    return undefined;
  }
}

/** Reads the config from the base branch: a PR cannot change the rules it is checked by. */
export async function readConfig(
  env: ActionEnvironment,
  pr: PullRequestInfo,
  checkout?: ConfigCheckout,
): Promise<{ config: Config; errors: string[] }> {
  try {
    const local = await readFromMergeCommit(env, checkout);
    const text = local ? local.text : await env.gateway.readFileAtRef(env.settings.configPath, pr.baseSha);
    return parseConfig(text, env.settings.configPath);
  } catch (error) {
    const { config } = parseConfig(undefined, env.settings.configPath);
    return {
      config,
      errors: [
        `Could not read ${env.settings.configPath} from the base branch (${(error as Error).message}); defaults apply.`,
      ],
    };
  }
}
