import { createCommandClassifier } from './command-classifier.js';
import type { CommandSet, EcosystemDetector } from './detector.js';
import type { CommandKind } from './project.js';
import type { WorkflowCommand } from './read-workflow-commands.js';

const KINDS: readonly CommandKind[] = ['install', 'test', 'lint'];

/** Task-runner lines any ecosystem may use in a workflow. */
const classifyTaskRunner = createCommandClassifier({
  test: ['make test', 'just test'],
  lint: ['make lint', 'just lint'],
});

export interface CommandEvidence {
  /** The project's own scripts, aliases, tox, and lockfile-determined installs. */
  own: CommandSet;
  /** Makefile and justfile targets. */
  taskRunner: CommandSet;
  workflows: readonly WorkflowCommand[];
  detector: EcosystemDetector;
  /** The ecosystem's usual commands (`suggested`). */
  defaults: CommandSet;
}

/**
 * Picks each command by order of evidence: the project's own scripts, then its
 * Makefile/justfile, then a workflow step that runs in its directory, then the
 * ecosystem's default, which is marked `suggested`.
 */
export function chooseProjectCommands(dir: string, evidence: CommandEvidence): CommandSet {
  const chosen: CommandSet = {};
  for (const kind of KINDS) {
    const command =
      evidence.own[kind] ??
      evidence.taskRunner[kind] ??
      workflowCommand(dir, kind, evidence) ??
      (evidence.defaults[kind] ? { ...evidence.defaults[kind], suggested: true } : undefined);
    if (command) chosen[kind] = command;
  }
  return chosen;
}

function workflowCommand(dir: string, kind: CommandKind, evidence: CommandEvidence): CommandSet[CommandKind] {
  const found = evidence.workflows.find(
    (command) =>
      command.dir === dir &&
      (evidence.detector.classifyCommand(command.words) === kind ||
        classifyTaskRunner(command.words) === kind),
  );
  return found ? { run: found.line, source: found.source } : undefined;
}

/** Whether any workflow line runs this detector's commands in `dir`: evidence of which build a directory uses. */
export function workflowsUse(
  detector: EcosystemDetector,
  dir: string,
  workflows: readonly WorkflowCommand[],
): boolean {
  return workflows.some(
    (command) => command.dir === dir && detector.classifyCommand(command.words) !== undefined,
  );
}
