import { describe, expect, it } from 'vitest';
import { buildCommandEnvironment } from '../../src/validation/command-environment.js';

const TOKEN = 'ghs_workflowTokenValue000000000000000000';
const KEY = 'sk-ant-api03-modelKeyValue-0000000000000000';

const runner = {
  PATH: '/usr/bin',
  HOME: '/home/runner',
  CI: 'true',
  GITHUB_REPOSITORY: 'o/r',
  GITHUB_SHA: 'a'.repeat(40),
  'INPUT_GITHUB-TOKEN': TOKEN,
  'INPUT_ANTHROPIC-API-KEY': KEY,
  'INPUT_MAX-INPUT-TOKENS': '100000',
  INPUT_MODE: 'auto',
  ACTIONS_RUNTIME_TOKEN: 'runtime-token-value',
  ACTIONS_RUNTIME_URL: 'https://pipelines.example/',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example/',
  ACTIONS_CACHE_URL: 'https://cache.example/',
  ACTIONS_RESULTS_URL: 'https://results.example/',
  GITHUB_TOKEN: TOKEN,
  GH_TOKEN: TOKEN,
  ANTHROPIC_API_KEY: KEY,
  DEPLOY_CREDENTIAL: KEY,
  CLONE_URL: `https://x-access-token:${TOKEN}@github.com/o/r`,
  DATABASE_URL: 'postgres://app:app-password@localhost/app',
};

describe('buildCommandEnvironment', () => {
  const env = buildCommandEnvironment(runner);

  it('keeps what the repository’s own CI steps get', () => {
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      CI: 'true',
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_SHA: 'a'.repeat(40),
      DATABASE_URL: 'postgres://app:app-password@localhost/app',
    });
  });

  it('drops every action input, the runtime and OIDC variables, and the usual token variables', () => {
    for (const name of [
      'INPUT_GITHUB-TOKEN',
      'INPUT_MODE',
      'ACTIONS_RUNTIME_TOKEN',
      'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
      'ACTIONS_ID_TOKEN_REQUEST_URL',
      'ACTIONS_CACHE_URL',
      'ACTIONS_RESULTS_URL',
      'GITHUB_TOKEN',
      'GH_TOKEN',
      'ANTHROPIC_API_KEY',
    ])
      expect(env).not.toHaveProperty(name);
  });

  it('drops a variable of any name that holds a secret input’s value', () => {
    expect(env).not.toHaveProperty('DEPLOY_CREDENTIAL');
    expect(env).not.toHaveProperty('CLONE_URL');
    expect(JSON.stringify(env)).not.toContain(TOKEN);
    expect(JSON.stringify(env)).not.toContain(KEY);
  });

  it('matches variable names whatever their case', () => {
    expect(buildCommandEnvironment({ github_token: TOKEN, Gh_Token: TOKEN, keep: 'yes' })).toEqual({
      keep: 'yes',
    });
  });
});
