import type { CommandKind, ProjectCommand } from '../discovery/project.js';
import { classifyFailure } from './causes/classify-failure.js';
import { ranNoTests } from './detect-no-tests.js';
import { findTestReports } from './find-test-reports.js';
import { LineSplitter } from './line-splitter.js';
import type { LiveCommandLog } from './live-command-log.js';
import { parseCommandOutput } from './parse-command-output.js';
import { stripAnsi } from './parsers/plain-text.js';
import { resolveReportedPaths } from './resolve-reported-paths.js';
import { runShellCommand, type ShellCommandRun } from './run-shell-command.js';
import { StreamRedactor } from './stream-redactor.js';
import type { CommandOutcome, CommandResult } from './validation-result.js';

export interface CommandContext {
  root: string;
  projectPath: string;
  projectDir: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  killGraceMs: number;
  /** Where output streams as it arrives, one command's group at a time. */
  live: LiveCommandLog;
  redact: (text: string) => string;
}

/** The shell's exit code for "command not found". */
const COMMAND_NOT_FOUND = 127;

/**
 * Run one install, test or lint command of a project and read its results. Output streams
 * into the log line by line as it arrives, each line redacted first; the last megabyte is
 * kept, redacted whole, for parsing and the report.
 */
export async function runProjectCommand(
  kind: CommandKind,
  command: ProjectCommand,
  context: CommandContext,
): Promise<CommandResult> {
  const title = `${context.projectPath}: ${kind} · ${context.redact(command.run)}`;
  const handle = context.live.open(title);
  const redactor = new StreamRedactor(context.redact);
  const show = (line: string) => handle.line(redactor.line(line));
  const splitters = { stdout: new LineSplitter(show), stderr: new LineSplitter(show) };
  const run = await runShellCommand(command.run, {
    cwd: context.projectDir,
    env: context.env,
    timeoutMs: context.timeoutMs,
    killGraceMs: context.killGraceMs,
    onOutput: (chunk, stream) => splitters[stream].write(chunk),
  });
  splitters.stdout.end();
  splitters.stderr.end();
  const result = await readResult(kind, command, context, run);
  handle.close(describeResult(title, result));
  return result;
}

async function readResult(
  kind: CommandKind,
  command: ProjectCommand,
  context: CommandContext,
  run: ShellCommandRun,
): Promise<CommandResult> {
  const output = context.redact(run.output);
  const reports = kind === 'test' ? await readReports(context, run.startedAt) : [];
  const parsed = parseCommandOutput({ kind, output, reports });
  resolveReportedPaths(parsed, context.root, context.projectDir);
  const { outcome, reason } = judgeRun(run, command, context.timeoutMs);
  const result: CommandResult = {
    kind,
    // A command line from the config file can hold a literal credential.
    run: context.redact(command.run),
    outcome,
    exitCode: run.exitCode,
    durationMs: run.durationMs,
    ...(reason ? { reason: context.redact(reason) } : {}),
    outputTail: stripAnsi(output),
    ...parsed,
    ...(run.outputTruncated ? { outputTruncated: true } : {}),
  };
  if (kind === 'test' && ranNoTests(result, result.outputTail)) {
    result.outcome = 'no-tests';
    result.reason = 'the test command ran no tests';
  }
  const cause = classifyFailure(result, result.outputTail);
  if (cause) result.cause = cause;
  return result;
}

async function readReports(
  context: CommandContext,
  since: number,
): Promise<{ path: string; content: string }[]> {
  const reports = await findTestReports(context.projectDir, since);
  return reports.map((report) => ({ path: report.path, content: context.redact(report.content) }));
}

function judgeRun(
  run: ShellCommandRun,
  command: ProjectCommand,
  timeoutMs: number,
): { outcome: CommandOutcome; reason?: string } {
  if (run.spawnError) return { outcome: 'error', reason: `could not start the command: ${run.spawnError}` };
  if (run.timedOut)
    return {
      outcome: 'timed-out',
      reason: `stopped after ${describeDuration(timeoutMs)} (the timeout); its whole process tree was killed`,
    };
  if (run.exitCode === 0) return { outcome: 'passed' };
  if (run.exitCode === COMMAND_NOT_FOUND) {
    // A suggested command names the ecosystem's usual tool, which this repository may not use.
    return command.suggested
      ? {
          outcome: 'skipped',
          reason:
            'the suggested command is not installed here (exit code 127); name the command in the config file to run it',
        }
      : {
          outcome: 'error',
          reason: 'the shell could not find the command (exit code 127); install the tool before this step',
        };
  }
  if (run.exitCode === null) return { outcome: 'failed', reason: `killed by ${run.signal ?? 'a signal'}` };
  return { outcome: 'failed', reason: `exit code ${run.exitCode}` };
}

/** The one line that closes a command's group: `→ .: test · npm test: failed in 3.1 s (exit code 1)`. */
function describeResult(title: string, result: CommandResult): string {
  const counts = result.tests?.counts;
  const tally = counts ? `${counts.passed} passed, ${counts.failed} failed` : undefined;
  const cause = result.cause && result.cause.kind !== 'timeout' ? result.cause.summary : undefined;
  const detail = [tally, result.reason, cause].filter(Boolean).join('; ');
  return `→ ${title}: ${result.outcome} in ${describeDuration(result.durationMs)}${detail ? ` (${detail})` : ''}`;
}

/** `950 ms`, `12.3 s`, `15 min`. */
export function describeDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1_000).toFixed(1)} s`;
  return `${Math.round(ms / 60_000)} min`;
}
