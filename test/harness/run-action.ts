import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonObject } from './github-examples.js';
import { nodeBinary, type NodeRuntime } from './node-binaries.js';
import { createRunnerFiles, runnerEnvironment } from './runner-environment.js';
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
  /**
   * Keeps the runner's temp directory (event file, `RUNNER_TEMP`, runner files) so a test can
   * read files the action wrote there, such as the `report` output; the test deletes `runnerDirectory`.
   */
  keepRunnerFiles?: boolean;
  /** Called with each chunk of stdout as it arrives, for tests of live progress. */
  onStdout?: (chunk: Buffer) => void;
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
  /** The runner's temp directory; already deleted unless `keepRunnerFiles` was set. */
  runnerDirectory: string;
}

function collect(
  child: ReturnType<typeof spawn>,
  timeoutMs: number,
  onStdout?: (chunk: Buffer) => void,
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
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      onStdout?.(chunk);
    });
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
  const entry = options.entry ?? join(REPO_ROOT, 'dist/index.js');
  if (!existsSync(entry)) throw new Error(`${entry} does not exist: run \`npm run build\` first`);
  const files = createRunnerFiles(options.payload);
  const workspace = options.cwd ?? join(files.root, 'workspace');
  mkdirSync(workspace, { recursive: true });
  try {
    const child = spawn(nodeBinary(options.node ?? 'node24'), [entry], {
      cwd: workspace,
      env: runnerEnvironment(options, files, workspace),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    const result = await collect(child, options.timeoutMs ?? 120_000, options.onStdout).finally(() =>
      running.delete(child),
    );
    return {
      ...result,
      outputs: parseRunnerFile(readFileSync(files.output, 'utf8')),
      summary: readFileSync(files.summary, 'utf8'),
      annotations: parseAnnotations(result.stdout),
      state: parseRunnerFile(readFileSync(files.state, 'utf8')),
      exportedEnv: parseRunnerFile(readFileSync(files.env, 'utf8')),
      runnerDirectory: files.root,
    };
  } finally {
    if (!options.keepRunnerFiles) rmSync(files.root, { recursive: true, force: true });
  }
}
