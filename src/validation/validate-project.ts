import { isAbsolute, relative, resolve } from 'node:path';
import type { CommandKind, Project } from '../discovery/project.js';
import type { ProjectCommand } from '../discovery/project.js';
import { addCoverageFlag } from './coverage/add-coverage-flag.js';
import type { ChangedLines } from './coverage/changed-lines.js';
import { measureProjectCoverage, type ProjectCoverage } from './coverage/measure-project-coverage.js';
import { decideInstall, type InstallDecision } from './decide-install.js';
import { preparePythonEnvironment } from './python-environment.js';
import { type CommandContext, runProjectCommand } from './run-project-command.js';
import type { CommandResult, ProjectValidation } from './validation-result.js';

export interface ProjectRunSettings extends Omit<CommandContext, 'projectPath' | 'projectDir'> {
  install: 'auto' | 'skip';
  /** Where a virtual environment for a pip project goes when it has none of its own. */
  tempDir: string;
  /** The change's lines, for coverage of the changed lines. */
  changedLines?: ChangedLines;
  /** `coverage: { collect: true }`: add the runner's coverage flag to the test command. */
  collectCoverage?: boolean;
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
  const installDir = project.workspace ? resolve(settings.root, project.workspace) : projectDir;
  const install = decideInstall(project, installDir, settings.install);
  const python = await preparePythonEnvironment(project, projectDir, {
    env: settings.env,
    tempDir: settings.tempDir,
    willInstall: install.run,
  });
  if (python.kind === 'error')
    return {
      project: project.path,
      outcome: 'failed',
      commands: [errorResult('install', python.reason)],
      durationMs: 0,
    };
  const context: CommandContext = {
    ...settings,
    ...(python.kind === 'venv' ? { env: python.env } : {}),
    projectPath: project.path,
    projectDir,
  };
  if (python.kind === 'venv')
    context.live.note(
      `${project.path}: Python commands run in the virtual environment ${python.venv}${python.created ? ' (made for this run)' : ''}`,
    );
  return runCommands(project, context, install, settings);
}

async function runCommands(
  project: Project,
  context: CommandContext,
  install: InstallDecision,
  settings: ProjectRunSettings,
): Promise<ProjectValidation> {
  const started = Date.now();
  const commands: CommandResult[] = [];
  // A workspace member installs at its workspace root (discovery's `workspace`); tests and lint run in its folder.
  const installContext: CommandContext = project.workspace
    ? { ...context, projectDir: resolve(settings.root, project.workspace) }
    : context;
  const installCommand = project.commands.install;
  if (install.run && installCommand)
    commands.push(await runProjectCommand('install', installCommand, installContext));
  else if (installCommand) commands.push(skipCommand(context, 'install', installCommand.run, install.reason));
  const installFailed = commands.some((command) => RUN_FAILED.has(command.outcome));
  let coverage: ProjectCoverage | undefined;
  for (const kind of ['test', 'lint'] as const) {
    const command = project.commands[kind];
    if (!command) commands.push(skippedResult(kind, '', `no ${kind} command is known for this project`));
    else if (installFailed)
      commands.push(skipCommand(context, kind, command.run, 'skipped because the install failed'));
    else if (kind === 'lint') commands.push(await runProjectCommand(kind, command, context));
    else {
      const testStarted = Date.now();
      commands.push(
        await runProjectCommand(kind, await testCommand(project, command, context, settings), context),
      );
      coverage = await measureProjectCoverage({
        runRoot: settings.root,
        projectPath: project.path,
        projectDir: context.projectDir,
        since: testStarted,
        redact: settings.redact,
        ...(settings.changedLines ? { changedLines: settings.changedLines } : {}),
      });
    }
  }
  return {
    project: project.path,
    outcome: judgeProject(commands),
    commands,
    durationMs: Date.now() - started,
    ...(coverage ? { coverage } : {}),
  };
}

/** The test command, with the coverage flag when the config asks for coverage and one fits. */
async function testCommand(
  project: Project,
  command: ProjectCommand,
  context: CommandContext,
  settings: ProjectRunSettings,
): Promise<ProjectCommand> {
  if (!settings.collectCoverage) return command;
  const decision = await addCoverageFlag(command, project, context.projectDir);
  if ('reason' in decision) {
    context.live.note(`${project.path}: coverage not collected: ${decision.reason}`);
    return command;
  }
  return decision.command;
}

function judgeProject(commands: CommandResult[]): ProjectValidation['outcome'] {
  if (commands.some((command) => RUN_FAILED.has(command.outcome))) return 'failed';
  // Tests are what validation is for: a passing linter does not make a project without tests pass.
  if (commands.some((command) => command.outcome === 'no-tests')) return 'no-tests';
  return commands.some((command) => command.outcome === 'passed') ? 'passed' : 'skipped';
}

/** A command the project has but that does not run: one log line says why, so the log explains the gap. */
function skipCommand(context: CommandContext, kind: CommandKind, run: string, reason: string): CommandResult {
  context.live.note(`${context.projectPath}: ${kind} not run: ${reason}`);
  return skippedResult(kind, context.redact(run), reason);
}

function skippedResult(kind: CommandKind, run: string, reason: string): CommandResult {
  return { kind, run, outcome: 'skipped', exitCode: null, durationMs: 0, reason, outputTail: '' };
}

/** A result for a command that could not run because of something other than the command itself. */
export function errorResult(kind: CommandKind, reason: string): CommandResult {
  return { kind, run: '', outcome: 'error', exitCode: null, durationMs: 0, reason, outputTail: '' };
}
