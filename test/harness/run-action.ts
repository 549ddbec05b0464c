import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputEnvironment, readInputDefaults } from './action-inputs.js';
import type { JsonObject } from './github-examples.js';
import { nodeBinary, type NodeRuntime } from './node-binaries.js';
import { runnerContext } from './runner-context.js';
import { parseAnnotations, parseRunnerFile, type Annotation } from './runner-files.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** How to run the action. */
export interface RunActionOptions {
  /** `GITHUB_EVENT_NAME`, e.g. `pull_request`, `issue_comment`, `workflow_dispatch`. */
  event: string;
  /** The event payload, written to the file `GITHUB_EVENT_PATH` names. */
  payload: JsonObject;
  /** Action inputs by their `action.yml` names (`fail-on`, `github-token`…); defaults fill the rest. */
  inputs?: Record<string, string | number | boolean>;
  /** Extra or overriding environment variables, applied last. */
  env?: Record<string, string>;
  /** Shortcut for `GITHUB_API_URL` (use `harness.apiUrl`). Defaults to a closed local port. */
  apiUrl?: string;
  /** `node24` (what `action.yml` declares, the default) or `node20`. */
  node?: NodeRuntime;
  /** `GITHUB_WORKSPACE` and the working directory; defaults to a new empty directory (no checkout). */
  cwd?: string;
  /** The script to run; defaults to `dist/index.js` of the repository. */
  entry?: string;
  /** Kills the action after this long (default 120 s). */
  timeoutMs?: number;
}

/** What the action did. */
export interface ActionRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Parsed from the `GITHUB_OUTPUT` file. */
  outputs: Record<string, string>;
  /** Content of the `GITHUB_STEP_SUMMARY` file. */
  summary: string;
  annotations: Annotation[];
  /** Parsed from `GITHUB_STATE` and `GITHUB_ENV`. */
  state: Record<string, string>;
  exportedEnv: Record<string, string>;
  timedOut: boolean;
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

interface RunnerFiles {
  root: string;
  eventPath: string;
  output: string;
  summary: string;
  state: string;
  env: string;
  path: string;
  temp: string;
}

function createRunnerFiles(payload: JsonObject): RunnerFiles {
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

function runnerEnvironment(
  options: RunActionOptions,
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

function collect(
  child: ReturnType<typeof spawn>,
  timeoutMs: number,
): Promise<{
  stdout: string;
  stderr: string;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
}> {
  return new Promise((resolvePromise, reject) => {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (exitCode, signal) => {
      clearTimeout(timer);
      const text = (chunks: Buffer[]): string => Buffer.concat(chunks).toString('utf8');
      resolvePromise({ stdout: text(stdout), stderr: text(stderr), exitCode, signal, timedOut });
    });
  });
}

/** Actions still running, killed if the test process exits first (a timed-out test, a crash). */
const running = new Set<ReturnType<typeof spawn>>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Runs the action as a child process with the environment a GitHub runner gives it. */
export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const files = createRunnerFiles(options.payload);
  const workspace = options.cwd ?? join(files.root, 'workspace');
  mkdirSync(workspace, { recursive: true });
  try {
    const child = spawn(
      nodeBinary(options.node ?? 'node24'),
      [options.entry ?? join(REPO_ROOT, 'dist/index.js')],
      {
        cwd: workspace,
        env: runnerEnvironment(options, files, workspace),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    running.add(child);
    const result = await collect(child, options.timeoutMs ?? 120_000).finally(() => running.delete(child));
    return {
      ...result,
      outputs: parseRunnerFile(readFileSync(files.output, 'utf8')),
      summary: readFileSync(files.summary, 'utf8'),
      annotations: parseAnnotations(result.stdout),
      state: parseRunnerFile(readFileSync(files.state, 'utf8')),
      exportedEnv: parseRunnerFile(readFileSync(files.env, 'utf8')),
    };
  } finally {
    rmSync(files.root, { recursive: true, force: true });
  }
}
