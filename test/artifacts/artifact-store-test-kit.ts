import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { afterAll, afterEach, beforeEach, onTestFailed } from 'vitest';
import { createArtifactResultStore } from '../../src/artifacts/artifact-result-store.js';
import type { LoadedValidationResults } from '../../src/artifacts/validation-result-store.js';
import type { ProjectValidation } from '../../src/validation/validation-result.js';
import { runAsJob } from './matrix-job-environment.js';
import type { JobBackendIds } from './runtime-token.js';

/** A result written for these tests (test/fixtures/artifacts/<name>.json). */
export async function readResultFixture(name: string): Promise<ProjectValidation> {
  const text = await readFile(join('test', 'fixtures', 'artifacts', `${name}.json`), 'utf8');
  return JSON.parse(text) as ProjectValidation;
}

/**
 * @actions/artifact logs through @actions/core, which writes `::debug::` and plain lines to this
 * process's stdout, as it would in a workflow step. Each test keeps them and prints them only
 * when it fails, so a passing run of the suite stays readable.
 */
let restoreStdout: (() => void) | undefined;
beforeEach(() => {
  const write = process.stdout.write.bind(process.stdout);
  const kept: string[] = [];
  process.stdout.write = ((chunk: string | Uint8Array) => {
    kept.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  restoreStdout = () => {
    process.stdout.write = write;
  };
  onTestFailed(() => {
    write(`Output of @actions/core during the failed test:\n${kept.join('')}`);
  });
});
afterEach(() => restoreStdout?.());

const createdDirectories: string[] = [];
// Registered while the importing test file is collected, so each file cleans up after itself.
afterAll(async () => {
  await Promise.all(createdDirectories.splice(0).map((path) => rm(path, { recursive: true, force: true })));
});

/** A fresh directory for one store instance, as `RUNNER_TEMP` is fresh for each job; removed after the file's tests. */
export async function freshTempDir(): Promise<string> {
  const path = await mkdtemp(join(tmpdir(), 'artifact-store-test-'));
  createdDirectories.push(path);
  return path;
}

/** A log that keeps what it was told. */
export function recordingLog(): { info(m: string): void; warning(m: string): void; lines: string[] } {
  const lines: string[] = [];
  return {
    info: (m) => void lines.push(`info: ${m}`),
    warning: (m) => void lines.push(`warning: ${m}`),
    lines,
  };
}

/**
 * Uploads `files` (name → text) as artifact `name` with the real client, the
 * way another step of the workflow (or a damaged job) would; run it inside `runAsJob`.
 */
export async function uploadRawArtifact(name: string, files: Record<string, string>): Promise<void> {
  const directory = await freshTempDir();
  const paths: string[] = [];
  for (const [fileName, text] of Object.entries(files)) {
    const path = join(directory, fileName);
    await writeFile(path, text, 'utf8');
    paths.push(path);
  }
  await new DefaultArtifactClient().uploadArtifact(name, paths, directory);
}

/** Saves `result` the way one `mode: validate` job does: its own token, its own temp dir, its own store. */
export async function saveAsJob(
  resultsUrl: string,
  job: JobBackendIds,
  result: ProjectValidation,
): Promise<string[]> {
  const tempDir = await freshTempDir();
  const log = recordingLog();
  await runAsJob(resultsUrl, job, () =>
    createArtifactResultStore({ tempDir, log, replaceRetryDelaysMs: [20, 20] }).save(result),
  );
  return log.lines;
}

/** Loads everything the way the `mode: report` job does. */
export async function loadAsJob(resultsUrl: string, job: JobBackendIds): Promise<LoadedValidationResults> {
  const tempDir = await freshTempDir();
  return runAsJob(resultsUrl, job, () =>
    createArtifactResultStore({ tempDir, log: recordingLog() }).loadAll(),
  );
}
