import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** Inputs and defaults of PRODUCT.md, used until `action.yml` exists. */
const PRODUCT_INPUT_DEFAULTS: Record<string, string> = {
  'github-token': '${{ github.token }}',
  'anthropic-api-key': '',
  model: 'claude-sonnet-5-5',
  mode: 'auto',
  'working-directory': '.',
  'config-path': '.github/backend-developer.yml',
  validate: 'affected',
  install: 'auto',
  'timeout-minutes': '15',
  'report-type': 'auto',
  comment: 'true',
  'fail-on': 'test-failure',
  project: '',
  'pr-number': '',
  'max-input-tokens': '100000',
};

interface ActionMetadata {
  inputs?: Record<string, { default?: unknown } | null>;
}

/**
 * Declared defaults of the action's inputs, read from `action.yml` (PRODUCT.md's table when
 * the file does not exist yet). An input without a default is left out, as the runner
 * leaves its `INPUT_` variable unset.
 */
export function readInputDefaults(actionYmlPath: string): Record<string, string> {
  if (!existsSync(actionYmlPath)) return { ...PRODUCT_INPUT_DEFAULTS };
  const metadata = parse(readFileSync(actionYmlPath, 'utf8')) as ActionMetadata | null;
  const defaults: Record<string, string> = {};
  for (const [name, input] of Object.entries(metadata?.inputs ?? {})) {
    if (input?.default !== undefined && input.default !== null) defaults[name] = String(input.default);
  }
  return defaults;
}

/** The runner's variable name for an input: `INPUT_` + name uppercased, spaces to `_`, dashes kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * `INPUT_*` variables for `given` inputs over the declared defaults. The runner evaluates
 * expressions in defaults; the only one the action declares is `${{ github.token }}`,
 * replaced by `token`. Any other expression is an error, so a new one gets handled here.
 */
export function inputEnvironment(
  defaults: Record<string, string>,
  given: Record<string, string | number | boolean>,
  token: string,
): Record<string, string> {
  const environment: Record<string, string> = {};
  const merged: Record<string, string> = { ...defaults };
  for (const [name, value] of Object.entries(given)) merged[name] = String(value);
  for (const [name, value] of Object.entries(merged)) {
    const evaluated = value.replace(/\$\{\{\s*github\.token\s*\}\}/g, token);
    if (evaluated.includes('${{'))
      throw new Error(`Input ${name} has an expression the harness cannot evaluate: ${value}`);
    environment[inputVariable(name)] = evaluated;
  }
  return environment;
}
