import { joinRelative, type RepositoryIndex } from '../../repository-index.js';
import { pathOf, recordOf, stringOf } from '../../untyped-value.js';
import { chooseNodePackageManager, type NodePackageManagerChoice } from './choose-node-package-manager.js';
import { readNodeLockfile, type NodeLockfile } from './read-node-lockfile.js';
import { isYarnBerry, readPackage, taskRunnerOf, type NodePackage } from './read-node-package.js';

/** What every member of a Node.js workspace shares: the root's package manager, lockfile and task runner. */
export interface NodeWorkspace {
  root: NodePackage;
  choice: NodePackageManagerChoice;
  lockfile: NodeLockfile | undefined;
  yarnBerry: boolean;
  taskRunner: { tool: 'turbo' | 'nx'; file: string; tasks: ReadonlySet<string> } | undefined;
}

const cache = new WeakMap<RepositoryIndex, Map<string, Promise<NodeWorkspace | undefined>>>();

/**
 * The workspace (or standalone package) rooted at `dir`, read once per discovery: members
 * and the root share it, so a 40-member workspace parses its lockfile once.
 */
export function readNodeWorkspace(index: RepositoryIndex, dir: string): Promise<NodeWorkspace | undefined> {
  let byDir = cache.get(index);
  if (!byDir) {
    byDir = new Map();
    cache.set(index, byDir);
  }
  let pending = byDir.get(dir);
  if (!pending) {
    pending = loadWorkspace(index, dir);
    byDir.set(dir, pending);
  }
  return pending;
}

async function loadWorkspace(index: RepositoryIndex, dir: string): Promise<NodeWorkspace | undefined> {
  const root = await readPackage(index, dir);
  if (!root) return undefined;
  const field = stringOf(root.manifest.packageManager);
  const choice = chooseNodePackageManager(index, dir, field);
  const lockfile = await readNodeLockfile(index, dir, choice.manager);
  const runner = taskRunnerOf(index, dir);
  return {
    root,
    choice,
    lockfile,
    yarnBerry: isYarnBerry(index, dir, lockfile, field),
    taskRunner: runner && { ...runner, tasks: await taskNames(index, runner.file, runner.tool) },
  };
}

/** The tasks turbo.json defines (`tasks`, or `pipeline` before Turborepo 2); Nx's are the targets of each project. */
async function taskNames(index: RepositoryIndex, file: string, tool: 'turbo' | 'nx'): Promise<Set<string>> {
  if (tool === 'nx') return new Set();
  const parsed = await index.readParsed(file, 'jsonc');
  const tasks = recordOf(pathOf(parsed, 'tasks')) ?? recordOf(pathOf(parsed, 'pipeline')) ?? {};
  return new Set(Object.keys(tasks).map((name) => name.replace(/^.*#/, '')));
}

/** The Nx project name of a member: project.json's `name`, else the package name. */
export async function nxProjectName(index: RepositoryIndex, pkg: NodePackage): Promise<string | undefined> {
  const file = joinRelative(pkg.dir, 'project.json');
  const fromProject = index.has(file)
    ? stringOf(pathOf(await index.readParsed(file, 'json'), 'name'))
    : undefined;
  return fromProject ?? stringOf(pkg.manifest.name);
}

/** The targets project.json declares for a member. */
export async function nxTargets(index: RepositoryIndex, dir: string): Promise<Set<string>> {
  const file = joinRelative(dir, 'project.json');
  if (!index.has(file)) return new Set();
  return new Set(Object.keys(recordOf(pathOf(await index.readParsed(file, 'json'), 'targets')) ?? {}));
}
