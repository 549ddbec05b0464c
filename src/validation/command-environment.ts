import { isSecretVariableName } from '../redaction/redact-secrets.js';

/**
 * Credentials a job may hold that pull-request code must never see. The runner gives the
 * first group to actions only (the runtime token and the OIDC token request pair, the cache and
 * artifact services); the rest are the tokens workflows commonly put into `env:` for their own
 * steps (`GITHUB_TOKEN: ${{ github.token }}`, the GitHub CLI's `GH_TOKEN`, the model key).
 */
const CREDENTIAL_VARIABLES = new Set([
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_RESULTS_URL',
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'GITHUB_ENTERPRISE_TOKEN',
  'GH_ENTERPRISE_TOKEN',
  'ANTHROPIC_API_KEY',
  'ANTHROPIC_AUTH_TOKEN',
]);
const CREDENTIAL_PREFIXES = ['INPUT_', 'ACTIONS_ID_TOKEN_REQUEST_'];

/** Shorter values are too common to hunt for in other variables. */
const MIN_MASKED_LENGTH = 8;

/**
 * The environment project commands (pull-request code) run with: the given one minus every
 * credential of the action. That is the action's inputs (`INPUT_GITHUB-TOKEN`,
 * `INPUT_ANTHROPIC-API-KEY`, and every other `INPUT_*`), the runtime and OIDC variables, the usual
 * token variables, and any variable, whatever its name, whose value holds one of the secret
 * inputs (the values the action masks): `MY_KEY: ${{ secrets.ANTHROPIC_API_KEY }}` goes too.
 * Secrets the workflow hands its own tests under other names (a database URL) stay: the workflow
 * chose to give them to its test steps.
 */
export function buildCommandEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const masked = maskedValues(env);
  const result: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || isCredentialName(name)) continue;
    if (masked.some((secret) => value.includes(secret))) continue;
    result[name] = value;
  }
  return result;
}

function isCredentialName(name: string): boolean {
  const upper = name.toUpperCase();
  return CREDENTIAL_VARIABLES.has(upper) || CREDENTIAL_PREFIXES.some((prefix) => upper.startsWith(prefix));
}

/** Values of the secret inputs (`github-token`, `anthropic-api-key`): what the action masks. */
function maskedValues(env: NodeJS.ProcessEnv): string[] {
  return Object.entries(env)
    .filter(([name]) => /^INPUT_/i.test(name) && isSecretVariableName(name))
    .map(([, value]) => value?.trim() ?? '')
    .filter((value) => value.length >= MIN_MASKED_LENGTH);
}
