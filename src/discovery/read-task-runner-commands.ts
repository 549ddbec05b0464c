import type { CommandSet } from './detector.js';
import { joinRelative, type RepositoryIndex } from './repository-index.js';

/** Make and just files, by the name each tool looks for. */
export const TASK_RUNNER_FILES: Readonly<Record<string, 'make' | 'just'>> = {
  Makefile: 'make',
  makefile: 'make',
  GNUmakefile: 'make',
  justfile: 'just',
  Justfile: 'just',
  '.justfile': 'just',
};

const TARGETS = { test: ['test'], lint: ['lint'] } as const;

/**
 * `make test` / `just lint` when the project's Makefile or justfile defines such a
 * target. Neither format has a maintained parser; a target is an unindented
 * `name:` (not `name :=`, a variable) at the start of a line.
 */
export async function readTaskRunnerCommands(index: RepositoryIndex, dir: string): Promise<CommandSet> {
  const commands: CommandSet = {};
  for (const [name, tool] of Object.entries(TASK_RUNNER_FILES)) {
    const file = joinRelative(dir, name);
    if (!index.has(file)) continue;
    const targets = targetsOf((await index.readText(file)) ?? '', tool);
    for (const [kind, names] of Object.entries(TARGETS) as Array<[keyof typeof TARGETS, readonly string[]]>) {
      const target = names.find((candidate) => targets.has(candidate));
      if (target && !commands[kind]) {
        const label = tool === 'make' ? 'target' : 'recipe';
        commands[kind] = { run: `${tool} ${target}`, source: `${file} ${label} ${target}` };
      }
    }
  }
  return commands;
}

function targetsOf(text: string, tool: 'make' | 'just'): Set<string> {
  const targets = new Set<string>();
  const pattern =
    tool === 'make' ? /^([A-Za-z0-9_.\-/ ]+?)\s*::?(?!=)/ : /^@?([A-Za-z0-9_-]+)(?:\s+[^:=]*)?:(?!=)/;
  for (const line of text.split(/\r?\n/)) {
    const names = pattern.exec(line)?.[1];
    if (!names) continue;
    for (const name of names.split(/\s+/)) if (name) targets.add(name);
  }
  return targets;
}
