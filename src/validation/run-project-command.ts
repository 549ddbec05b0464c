import type { CommandKind, ProjectCommand } from '../discovery/project.js';
import { findTestReports } from './find-test-reports.js';
import { parseCommandOutput } from './parse-command-output.js';
import { stripAnsi } from './parsers/plain-text.js';
import { resolveReportedPaths } from './resolve-reported-paths.js';
import { runShellCommand, type ShellCommandRun } from './run-shell-command.js';
import type { CommandOutcome, CommandResult } from './validation-result.js';
import type { ValidationLog } from './validation-log.js';

export interface CommandContext {
  root: string;
  projectPath: string;
  projectDir: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  killGraceMs: number;
  log: ValidationLog;
  redact: (text: string) => string;
}

/** The shell's exit code for "command not found". */
const COMMAND_NOT_FOUND = 127;

/**
 * Run one install, test or lint command of a project and read its results.
 * Output is buffered and written to the log as one group when the command
 * ends, so projects running in parallel never interleave; it is redacted
 * before it is logged, parsed or stored.
 */
export async function runProjectCommand(
  kind: CommandKind,
  command: ProjectCommand,
  context: CommandContext,
): Promise<CommandResult> {
  const run = await runShellCommand(command.run, {
    cwd: context.projectDir,
    env: context.env,
    timeoutMs: context.timeoutMs,
    killGraceMs: context.killGraceMs,
  });
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
  writeGroup(context, result, output);
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

function writeGroup(context: CommandContext, result: CommandResult, output: string): void {
  context.log.startGroup(`${context.projectPath}: ${result.kind} · ${result.run}`);
  if (output.length > 0) context.log.write(output.endsWith('\n') ? output : `${output}\n`);
  const detail = result.reason ? ` (${result.reason})` : '';
  context.log.write(`→ ${result.outcome} in ${describeDuration(result.durationMs)}${detail}\n`);
  context.log.endGroup();
}

/** `950 ms`, `12.3 s`, `15 min`. */
export function describeDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1_000).toFixed(1)} s`;
  return `${Math.round(ms / 60_000)} min`;
}
