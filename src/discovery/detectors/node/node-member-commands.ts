import type { CommandSet } from '../../detector.js';
import type { ProjectCommand } from '../../project.js';
import { execPrefix, frozenInstall, isRealScript } from './node-commands.js';
import type { NodePackage } from './read-node-package.js';
import type { NodeWorkspace } from './read-node-workspace.js';

export interface NodeMemberInput {
  workspace: NodeWorkspace;
  member: NodePackage;
  /** The package name tools filter by (the directory when the package has none). */
  name: string;
  /** The Nx project name and its test/lint targets, when Nx runs the workspace. */
  nx: { project: string; targets: ReadonlySet<string> } | undefined;
  /** Test runner whose configuration sits in the member's folder (`vitest`, `jest`). */
  configuredRunner: string | undefined;
  /** The member's linters, its own and the workspace's. */
  linters: readonly string[];
}

const TEST_SCRIPTS = ['test', 'test:ci', 'test:unit'];
const LINT_SCRIPTS = ['lint', 'lint:ci', 'eslint'];

/**
 * A workspace member's commands: install at the workspace root with the workspace's package
 * manager and lockfile; test and lint scoped to the member with the workspace's own tool
 * (`pnpm --filter <name> test`, `yarn workspace <name> test`, `npx turbo run test --filter=<name>`,
 * `npx nx test <project>`). Each command works from the member's folder, where it runs.
 */
export function nodeMemberCommands(input: NodeMemberInput): { own: CommandSet; defaults: CommandSet } {
  const { workspace, member } = input;
  const manager = workspace.choice.manager;
  const own: CommandSet = {};
  if (workspace.lockfile)
    own.install = { run: frozenInstall(manager, workspace.yarnBerry), source: workspace.lockfile.file };
  const scripts = new Map(Object.entries(member.manifest.scripts ?? {}));
  const test = scriptCommand(input, TEST_SCRIPTS, scripts);
  if (test) own.test = test;
  const lint = scriptCommand(input, LINT_SCRIPTS, scripts);
  if (lint) own.lint = lint;
  const defaults: CommandSet = {
    install: { run: `${manager} install`, source: workspace.root.manifestPath, suggested: true },
  };
  const exec = execPrefix(manager);
  if (input.nx?.targets.has('test') || (input.nx && input.configuredRunner)) {
    defaults.test = { run: `${exec} nx test ${input.nx.project}`, source: 'nx.json', suggested: true };
  } else if (input.configuredRunner) {
    const run = input.configuredRunner === 'vitest' ? 'vitest run' : input.configuredRunner;
    defaults.test = { run: `${exec} ${run}`, source: member.manifestPath, suggested: true };
  }
  if (input.nx?.targets.has('lint'))
    defaults.lint = { run: `${exec} nx lint ${input.nx.project}`, source: 'nx.json', suggested: true };
  else if (input.linters.includes('eslint'))
    defaults.lint = { run: `${exec} eslint .`, source: member.manifestPath, suggested: true };
  else if (input.linters.includes('biome'))
    defaults.lint = { run: `${exec} biome check .`, source: member.manifestPath, suggested: true };
  return { own, defaults };
}

function scriptCommand(
  input: NodeMemberInput,
  names: readonly string[],
  scripts: ReadonlyMap<string, unknown>,
): ProjectCommand | undefined {
  const script = names.find((name) => {
    const body = scripts.get(name);
    return typeof body === 'string' && isRealScript(body);
  });
  if (!script) return undefined;
  const source = `${input.member.manifestPath} scripts.${script}`;
  const { taskRunner, choice } = input.workspace;
  const exec = execPrefix(choice.manager);
  // Turborepo builds a task's dependencies first (`dependsOn: ["^build"]`): go through it when it knows the task.
  if (taskRunner?.tool === 'turbo' && taskRunner.tasks.has(script))
    return { run: `${exec} turbo run ${script} --filter=${input.name}`, source };
  return { run: filteredScript(choice.manager, input.workspace.yarnBerry, input.name, script), source };
}

function filteredScript(
  manager: NodeWorkspace['choice']['manager'],
  yarnBerry: boolean,
  name: string,
  script: string,
): string {
  if (manager === 'pnpm') return `pnpm --filter ${name} ${script}`;
  if (manager === 'yarn')
    return yarnBerry ? `yarn workspace ${name} run ${script}` : `yarn workspace ${name} ${script}`;
  if (manager === 'bun') return `bun run --filter ${name} ${script}`;
  // npm has no filter that works from inside a member: the member's own script, run in its folder.
  return script === 'test' ? 'npm test' : `npm run ${script}`;
}
