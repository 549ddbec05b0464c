import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputEnvironment, readInputDefaults } from './action-inputs.js';
import type { JsonObject } from './github-examples.js';
import { runnerContext } from './runner-context.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** What the environment is built from: the event, its payload, inputs, and overrides. */
export interface RunnerEnvironmentOptions {
  event: string;
  payload: JsonObject;
  inputs?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
  apiUrl?: string;
}

/**
 * The parent's environment without what a runner would not give the action: `GITHUB_*`,
 * `INPUT_*`, `ANTHROPIC_*`, `ACTIONS_*` and `RUNNER_*` (so tests run inside a real workflow
 * never leak its tokens or artifact service to the child), `npm_*`, `VITEST*` and
 * `NODE_ENV` (set by npm and Vitest), and `node_modules/.bin` directories on PATH.
 */
function cleanParentEnvironment(): Record<string, string> {
  const stripped = /^(GITHUB_|INPUT_|ANTHROPIC_|ACTIONS_|RUNNER_|npm_|VITEST|NODE_ENV$|NODE_OPTIONS$)/i;
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !stripped.test(name)) kept[name] = value;
  }
  kept.PATH = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((entry) => !entry.includes('node_modules'))
    .join(delimiter);
  return kept;
}

/** Files and folders the runner gives each step, under one temp directory. */
export interface RunnerFiles {
  root: string;
  eventPath: string;
  output: string;
  summary: string;
  state: string;
  env: string;
  path: string;
  temp: string;
}

/** Creates the runner's files (empty, as the runner does) and writes the event payload. */
export function createRunnerFiles(payload: JsonObject): RunnerFiles {
  const root = mkdtempSync(join(tmpdir(), 'action-run-'));
  const files: RunnerFiles = {
    root,
    eventPath: join(root, 'event.json'),
    output: join(root, 'output'),
    summary: join(root, 'step_summary.md'),
    state: join(root, 'state'),
    env: join(root, 'env'),
    path: join(root, 'path'),
    temp: join(root, 'runner-temp'),
  };
  writeFileSync(files.eventPath, JSON.stringify(payload));
  for (const file of [files.output, files.summary, files.state, files.env, files.path])
    writeFileSync(file, '');
  mkdirSync(files.temp);
  return files;
}

/** The environment a GitHub-hosted runner gives a JavaScript action step. */
export function runnerEnvironment(
  options: RunnerEnvironmentOptions,
  files: RunnerFiles,
  workspace: string,
): Record<string, string> {
  const context = runnerContext(options.event, options.payload);
  const apiUrl = options.apiUrl ?? 'http://127.0.0.1:9';
  const refName = context.ref.replace(/^refs\/(heads|tags)\//, '');
  const token = 'ghs_harnessFakeTokenForTests0000000000';
  return {
    ...cleanParentEnvironment(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: files.eventPath,
    GITHUB_API_URL: apiUrl,
    GITHUB_GRAPHQL_URL: `${apiUrl}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: context.repository,
    GITHUB_REPOSITORY_OWNER: context.owner,
    GITHUB_SHA: context.sha,
    GITHUB_REF: context.ref,
    GITHUB_REF_NAME: context.ref.startsWith('refs/pull/')
      ? context.ref.replace(/^refs\/pull\//, '')
      : refName,
    GITHUB_REF_TYPE: context.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_HEAD_REF: context.headRef,
    GITHUB_BASE_REF: context.baseRef,
    GITHUB_RUN_ID: '8800000001',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'Backend developer',
    GITHUB_WORKFLOW_REF: `${context.repository}/.github/workflows/backend-developer.yml@${context.ref}`,
    GITHUB_ACTION: 'backend-developer',
    GITHUB_ACTOR: context.actor,
    GITHUB_TRIGGERING_ACTOR: context.actor,
    GITHUB_JOB: 'backend',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_RETENTION_DAYS: '90',
    RUNNER_TEMP: files.temp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TOOL_CACHE: join(files.root, 'toolcache'),
    ...inputEnvironment(readInputDefaults(join(REPO_ROOT, 'action.yml')), options.inputs ?? {}, token),
    ...options.env,
  };
}
