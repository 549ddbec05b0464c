import { parseConfig, type Config } from '../config/parse-config.js';
import type { PullRequestInfo } from '../github/pull-request.js';
import type { ActionEnvironment } from './action-environment.js';

/** Reads the config from the base branch: a PR cannot change the rules it is checked by. */
export async function readConfig(
  env: ActionEnvironment,
  pr: PullRequestInfo,
): Promise<{ config: Config; errors: string[] }> {
  try {
    const text = await env.gateway.readFileAtRef(env.settings.configPath, pr.baseSha);
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
