/**
 * Variables the runner gives to actions but not to a workflow's own `run:`
 * steps. Project commands run pull-request code, so they get exactly what the
 * repository's CI steps would: never the action's inputs (`INPUT_GITHUB-TOKEN`,
 * `INPUT_ANTHROPIC-API-KEY`), the runtime token or the OIDC token request pair.
 */
const ACTION_ONLY_VARIABLES = new Set([
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_RESULTS_URL',
]);

/** The environment project commands run with: the given one minus what only the action may see. */
export function buildCommandEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || name.startsWith('INPUT_') || ACTION_ONLY_VARIABLES.has(name)) continue;
    result[name] = value;
  }
  return result;
}
