import { isAbsolute, relative, resolve } from 'node:path';
import type { CommandKind, Project } from '../discovery/project.js';
import { decideInstall } from './decide-install.js';
import { type CommandContext, runProjectCommand } from './run-project-command.js';
import type { CommandResult, ProjectValidation } from './validation-result.js';

export interface ProjectRunSettings extends Omit<CommandContext, 'projectPath' | 'projectDir'> {
  install: 'auto' | 'skip';
}

const RUN_FAILED = new Set(['failed', 'timed-out', 'error']);

/**
 * Validate one project: install (when needed), then tests, then lint. A failed
 * install leaves nothing meaningful to test, so tests and lint are skipped
 * with that reason; a failed test run does not stop the linter.
 */
export async function validateProject(
  project: Project,
  settings: ProjectRunSettings,
): Promise<ProjectValidation> {
  const started = Date.now();
  const projectDir = resolve(settings.root, project.path);
  const fromRoot = relative(resolve(settings.root), projectDir);
  if (fromRoot.startsWith('..') || isAbsolute(fromRoot)) {
    const reason = `project path \`${project.path}\` is outside the repository root; fix the path in the config file`;
    return {
      project: project.path,
      outcome: 'failed',
      commands: [errorResult('test', reason)],
      durationMs: 0,
    };
  }
  const context: CommandContext = { ...settings, projectPath: project.path, projectDir };
  // A workspace member installs at its workspace root (discovery's `workspace`); tests and lint run in its folder.
  const installContext: CommandContext = project.workspace
    ? { ...context, projectDir: resolve(settings.root, project.workspace) }
    : context;
  const commands: CommandResult[] = [];
  const install = decideInstall(project, installContext.projectDir, settings.install);
  const installCommand = project.commands.install;
  if (install.run && installCommand)
    commands.push(await runProjectCommand('install', installCommand, installContext));
  else if (installCommand) commands.push(skipCommand(context, 'install', installCommand.run, install.reason));
  const installFailed = commands.some((command) => RUN_FAILED.has(command.outcome));
  for (const kind of ['test', 'lint'] as const) {
    const command = project.commands[kind];
    if (!command) commands.push(skippedResult(kind, '', `no ${kind} command is known for this project`));
    else if (installFailed)
      commands.push(skipCommand(context, kind, command.run, 'skipped because the install failed'));
    else commands.push(await runProjectCommand(kind, command, context));
  }
  return {
    project: project.path,
    outcome: judgeProject(commands),
    commands,
    durationMs: Date.now() - started,
  };
}

function judgeProject(commands: CommandResult[]): ProjectValidation['outcome'] {
  if (commands.some((command) => RUN_FAILED.has(command.outcome))) return 'failed';
  return commands.some((command) => command.outcome === 'passed') ? 'passed' : 'skipped';
}

/** A command the project has but that does not run: one log line says why, so the log explains the gap. */
function skipCommand(context: CommandContext, kind: CommandKind, run: string, reason: string): CommandResult {
  context.log.write(`${context.projectPath}: ${kind} not run: ${reason}\n`);
  return skippedResult(kind, context.redact(run), reason);
}

function skippedResult(kind: CommandKind, run: string, reason: string): CommandResult {
  return { kind, run, outcome: 'skipped', exitCode: null, durationMs: 0, reason, outputTail: '' };
}

/** A result for a command that could not run because of something other than the command itself. */
export function errorResult(kind: CommandKind, reason: string): CommandResult {
  return { kind, run: '', outcome: 'error', exitCode: null, durationMs: 0, reason, outputTail: '' };
}
