import os from 'node:os';
import type { Project } from '../discovery/project.js';
import { buildCommandEnvironment } from './command-environment.js';
import type { ChangedLines } from './coverage/changed-lines.js';
import { percentOf } from './coverage/patch-coverage.js';
import { LiveCommandLog } from './live-command-log.js';
import { errorResult, validateProject, type ProjectRunSettings } from './validate-project.js';
import type { ValidationLog } from './validation-log.js';
import type { ProjectValidation, ValidationSummary } from './validation-result.js';

export type { ValidationLog } from './validation-log.js';

export interface ValidateOptions {
  /** Repository root; project paths are relative to it. */
  root: string;
  /** How many projects run at the same time (the caller passes os.availableParallelism() by default). */
  parallel: number;
  /** Limit for one install, test or lint command. */
  timeoutMs: number;
  install: 'auto' | 'skip';
  /** Environment for the commands; defaults to this process's, minus what only the action may see. */
  env?: NodeJS.ProcessEnv;
  log: ValidationLog;
  /** False where command output is hidden (the CLI without --verbose): heartbeats then run on time alone. */
  showsOutput?: boolean;
  /** Time without visible output before a "still running" line; 30 s unless set. */
  heartbeatMs?: number;
  /** The change's lines, per file, for coverage of the changed lines. */
  changedLines?: ChangedLines;
  /** Add the runner's coverage flag to test commands (`coverage: { collect: true }`). */
  collectCoverage?: boolean;
  /** Applied to every output, title and message before it is logged or stored. */
  redact: (text: string) => string;
  /** Where temporary files go (a virtual environment for a pip project); the OS's temp directory unless set. */
  tempDir?: string;
  /** Time between SIGTERM and SIGKILL when a command times out; 5 s unless set. */
  killGraceMs?: number;
}

const DEFAULT_KILL_GRACE_MS = 5_000;

/**
 * Run each project's install, test and lint commands and read their results.
 * Up to `parallel` projects run at once; output streams into the log as it
 * arrives, one command's group at a time (the others wait their turn), so
 * parallel projects stay legible. One project's failure never stops the
 * others. Results keep the order of `projects`.
 */
export async function validateProjects(
  projects: Project[],
  options: ValidateOptions,
): Promise<ValidationSummary> {
  const settings: ProjectRunSettings = {
    root: options.root,
    env: buildCommandEnvironment(options.env ?? process.env),
    timeoutMs: options.timeoutMs,
    killGraceMs: options.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
    install: options.install,
    tempDir: options.tempDir ?? os.tmpdir(),
    ...(options.changedLines ? { changedLines: options.changedLines } : {}),
    ...(options.collectCoverage ? { collectCoverage: true } : {}),
    live: new LiveCommandLog(options.log, {
      showsOutput: options.showsOutput ?? true,
      ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
    }),
    redact: options.redact,
  };
  const results: ProjectValidation[] = new Array<ProjectValidation>(projects.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < projects.length; index = next++) {
      const project = projects[index];
      if (project) results[index] = await validateGuarded(project, settings);
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(options.parallel) || 1, projects.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return summarizeValidation(results);
}

/** An unexpected error in one project (a file system failure) is that project's failure, not the run's. */
async function validateGuarded(project: Project, settings: ProjectRunSettings): Promise<ProjectValidation> {
  try {
    return await validateProject(project, settings);
  } catch (error) {
    const reason = settings.redact(
      `validation stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
    );
    return { project: project.path, outcome: 'failed', commands: [errorResult('test', reason)] };
  }
}

/**
 * Folds per-project results into one summary: failed if any failed, passed if any passed, else
 * skipped (nothing ran, or no test did); and the changed lines covered across projects.
 */
export function summarizeValidation(results: ProjectValidation[]): ValidationSummary {
  const status = results.some((r) => r.outcome === 'failed')
    ? 'failed'
    : results.some((r) => r.outcome === 'passed')
      ? 'passed'
      : 'skipped';
  const measured = results.flatMap((r) => (r.coverage?.changed?.total ? [r.coverage.changed] : []));
  const covered = measured.reduce((n, c) => n + c.covered, 0);
  const total = measured.reduce((n, c) => n + c.total, 0);
  const percent = percentOf(covered, total);
  return {
    status,
    projects: results,
    ...(percent !== null ? { coverage: { covered, total, percent } } : {}),
  };
}
