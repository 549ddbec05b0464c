import * as core from '@actions/core';
import { basicAuthHeaderValue } from './redaction/basic-auth-header.js';
import type { FailOn, InstallPolicy, Mode, ReportTypeSetting, Settings, ValidateScope } from './settings.js';

/** Raised for an input a user must fix; main turns it into a failed step with this message. */
export class InputError extends Error {
  override name = 'InputError';
}

function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const raw = core.getInput(name).trim().toLowerCase();
  if (raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new InputError(
    `Input \`${name}\` must be one of ${allowed.map((a) => `\`${a}\``).join(', ')}, got \`${raw}\`.`,
  );
}

function positiveNumber(name: string, fallback: number): number {
  const raw = core.getInput(name).trim();
  if (raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new InputError(`Input \`${name}\` must be a positive number, got \`${raw}\`.`);
  }
  return value;
}

function optionalPrNumber(): number | undefined {
  const raw = core.getInput('pr-number').trim().replace(/^#/, '');
  if (raw === '') return undefined;
  if (!/^[1-9][0-9]*$/.test(raw))
    throw new InputError(`Input \`pr-number\` must be a pull request number, got \`${raw}\`.`);
  return Number(raw);
}

function bool(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).trim().toLowerCase();
  if (raw === '') return fallback;
  if (['true', 'yes', 'on', '1'].includes(raw)) return true;
  if (['false', 'no', 'off', '0'].includes(raw)) return false;
  throw new InputError(`Input \`${name}\` must be \`true\` or \`false\`, got \`${raw}\`.`);
}

/** Reads and validates every input once. The only caller of core.getInput. */
export function readInputs(): Settings {
  const githubToken = core.getInput('github-token');
  const anthropicApiKey = core.getInput('anthropic-api-key').trim() || undefined;
  // Mask both before anything can print them, even if a later step echoes inputs.
  if (githubToken) {
    core.setSecret(githubToken);
    core.setSecret(basicAuthHeaderValue(githubToken));
  }
  if (anthropicApiKey) core.setSecret(anthropicApiKey);
  const mode = choice<Mode>('mode', ['auto', 'discover', 'validate', 'report'], 'auto');
  const project = core.getInput('project').trim() || undefined;
  if (mode === 'validate' && project === undefined) {
    throw new InputError(
      'Input `project` is required with `mode: validate`: pass `${{ matrix.project }}` from the discover job.',
    );
  }
  return {
    githubToken,
    anthropicApiKey,
    model: core.getInput('model').trim() || 'claude-sonnet-5-5',
    mode,
    workingDirectory: core.getInput('working-directory').trim() || '.',
    configPath: core.getInput('config-path').trim() || '.github/backend-developer.yml',
    validate: choice<ValidateScope>('validate', ['affected', 'all', 'none'], 'affected'),
    install: choice<InstallPolicy>('install', ['auto', 'skip'], 'auto'),
    timeoutMinutes: positiveNumber('timeout-minutes', 15),
    reportType: choice<ReportTypeSetting>('report-type', ['auto', 'implementation', 'bugfix'], 'auto'),
    comment: bool('comment', true),
    failOn: choice<FailOn>('fail-on', ['never', 'test-failure', 'lint', 'high-findings'], 'test-failure'),
    project,
    prNumber: optionalPrNumber(),
    maxInputTokens: positiveNumber('max-input-tokens', 100_000),
  };
}
