import type { CommandSet } from '../../detector.js';
import type { NodePackageManager } from './read-node-lockfile.js';

export interface NodeCommandInput {
  manager: NodePackageManager;
  manifest: string;
  scripts: ReadonlyMap<string, string>;
  /** The lockfile of the chosen manager, when committed. */
  lockfile: { file: string } | undefined;
  /** Yarn 2+ spells frozen installs and workspace loops differently from Yarn 1. */
  yarnBerry: boolean;
  testFrameworks: readonly string[];
  linters: readonly string[];
  /** Workspace roots test through their members. */
  isWorkspaceRoot: boolean;
  /** `turbo.json` or `nx.json` at the project, when present. */
  taskRunner: { tool: 'turbo' | 'nx'; file: string } | undefined;
}

const TEST_SCRIPTS = ['test', 'test:ci', 'test:unit'];
const LINT_SCRIPTS = ['lint', 'lint:ci', 'eslint'];

/** `npm init`'s placeholder fails on purpose: it is no test command. */
export function isPlaceholderScript(script: string): boolean {
  return /no test specified/i.test(script) || /^\s*(echo\b[^&|;]*(&&|;)\s*)?exit\s+1\s*$/.test(script);
}

/** Commands package.json scripts and the lockfile define, in the detected package manager's words. */
export function nodeOwnCommands(input: NodeCommandInput): CommandSet {
  const commands: CommandSet = {};
  if (input.lockfile)
    commands.install = { run: frozenInstall(input.manager, input.yarnBerry), source: input.lockfile.file };
  const test = TEST_SCRIPTS.find((name) => isRealScript(input.scripts.get(name)));
  if (test)
    commands.test = { run: runScript(input.manager, test), source: `${input.manifest} scripts.${test}` };
  const lint = LINT_SCRIPTS.find((name) => isRealScript(input.scripts.get(name)));
  if (lint)
    commands.lint = { run: runScript(input.manager, lint), source: `${input.manifest} scripts.${lint}` };
  return commands;
}

/** The package manager's usual commands for what the scripts do not cover. */
export function nodeDefaultCommands(input: NodeCommandInput): CommandSet {
  const suggested = (run: string, source: string) => ({ run, source, suggested: true });
  const commands: CommandSet = { install: suggested(`${input.manager} install`, input.manifest) };
  const exec = execPrefix(input.manager);
  if (input.taskRunner) {
    const { tool, file } = input.taskRunner;
    const all = tool === 'turbo' ? `${exec} turbo run` : `${exec} nx run-many -t`;
    commands.test = suggested(`${all} test`, file);
    commands.lint = suggested(`${all} lint`, file);
    return commands;
  }
  const runner = input.testFrameworks.find((name) => name in TEST_RUNNERS);
  if (runner) commands.test = suggested(`${exec} ${TEST_RUNNERS[runner] ?? runner}`, input.manifest);
  else if (input.isWorkspaceRoot) {
    commands.test = suggested(everyWorkspace(input.manager, input.yarnBerry, 'test'), input.manifest);
  }
  if (input.linters.includes('eslint')) commands.lint = suggested(`${exec} eslint .`, input.manifest);
  else if (input.linters.includes('biome'))
    commands.lint = suggested(`${exec} biome check .`, input.manifest);
  return commands;
}

const TEST_RUNNERS: Readonly<Record<string, string>> = {
  vitest: 'vitest run',
  jest: 'jest',
  mocha: 'mocha',
  ava: 'ava',
  jasmine: 'jasmine',
};

/** A script that does something: not empty, not npm's placeholder. */
export function isRealScript(script: string | undefined): boolean {
  return script !== undefined && script.trim() !== '' && !isPlaceholderScript(script);
}

/** The install that fails instead of changing the lockfile. */
export function frozenInstall(manager: NodePackageManager, yarnBerry: boolean): string {
  if (manager === 'npm') return 'npm ci';
  if (manager === 'yarn') return yarnBerry ? 'yarn install --immutable' : 'yarn install --frozen-lockfile';
  return `${manager} install --frozen-lockfile`;
}

function runScript(manager: NodePackageManager, script: string): string {
  if (script === 'test' && manager !== 'bun') return `${manager} test`;
  if (manager === 'npm' || manager === 'bun') return `${manager} run ${script}`;
  return `${manager} ${script}`;
}

function everyWorkspace(manager: NodePackageManager, yarnBerry: boolean, script: string): string {
  if (manager === 'pnpm') return `pnpm -r ${script}`;
  if (manager === 'yarn')
    return yarnBerry ? `yarn workspaces foreach -A run ${script}` : `yarn workspaces run ${script}`;
  if (manager === 'bun') return `bun run --filter '*' ${script}`;
  return `npm ${script} --workspaces --if-present`;
}

/** How each package manager runs a tool installed in the project. */
export function execPrefix(manager: NodePackageManager): string {
  return { npm: 'npx', pnpm: 'pnpm exec', yarn: 'yarn', bun: 'bunx' }[manager];
}
