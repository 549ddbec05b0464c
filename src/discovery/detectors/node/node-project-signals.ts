import type { DeclaredDependency } from '../../dependency-catalog.js';
import { joinRelative, type RepositoryIndex } from '../../repository-index.js';
import { stringMapOf, stringOf } from '../../untyped-value.js';
import { isRealScript } from './node-commands.js';
import { nodeCatalog } from './node-catalog.js';
import { readPackage, type NodePackage } from './read-node-package.js';

/** Linters the workspace root installs for every member (`eslint` in the root's devDependencies). */
export function rootLinters(root: NodePackage): string[] {
  const names = ['dependencies', 'devDependencies'].flatMap((group) => [
    ...stringMapOf(root.manifest[group]).keys(),
  ]);
  return names.flatMap((name) =>
    nodeCatalog
      .lookup(name)
      .filter((entry) => entry.role === 'linter')
      .map((entry) => entry.name),
  );
}

/** TypeScript when the packages or the workspace root depend on it or configure it. */
export function isTypeScript(
  index: RepositoryIndex,
  dependencies: readonly DeclaredDependency[],
  dirs: readonly string[],
  root: NodePackage,
): boolean {
  const rootDeclares = ['dependencies', 'devDependencies'].some((group) =>
    stringMapOf(root.manifest[group]).has('typescript'),
  );
  return (
    rootDeclares ||
    dependencies.some((dependency) => dependency.name === 'typescript') ||
    [...dirs, root.dir].some(
      (each) =>
        index.has(joinRelative(each, 'tsconfig.json')) ||
        index.filesIn(each).some((name) => /\.config\.[cm]?ts$/.test(name)),
    )
  );
}

/** The workspace's own packages, name to folder: dependencies on them are not outside dependencies. */
export async function internalNames(
  index: RepositoryIndex,
  root: string,
  candidates: readonly string[],
): Promise<Map<string, string>> {
  const below = candidates.filter((dir) => root === '.' || dir === root || dir.startsWith(`${root}/`));
  const packages = await Promise.all(below.map((dir) => readPackage(index, dir)));
  return new Map(
    packages.flatMap((found) => {
      const name = stringOf(found?.manifest.name);
      return found && name !== undefined ? [[name, found.dir] as const] : [];
    }),
  );
}

/** The folders of the workspace packages a package depends on, by the names its manifest lists. */
export function internalDependencyDirs(pkg: NodePackage, internal: ReadonlyMap<string, string>): string[] {
  const names = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap(
    (group) => [...stringMapOf(pkg.manifest[group]).keys()],
  );
  return names.flatMap((name) => {
    const dir = internal.get(name);
    return dir === undefined || dir === pkg.dir ? [] : [dir];
  });
}

/**
 * A test script that runs tests itself (not a loop over workspace members), or a test runner
 * configured here; a workspace root's runner configuration usually gathers the members' tests.
 */
export function hasOwnTests(pkg: NodePackage, runner: string | undefined, isWorkspaceRoot: boolean): boolean {
  const scripts = stringMapOf(pkg.manifest.scripts);
  const test = ['test', 'test:ci', 'test:unit'].map((name) => scripts.get(name)).find(isRealScript);
  if (test !== undefined) return !isWorkspaceLoop(test);
  return runner !== undefined && !isWorkspaceRoot;
}

/** `turbo run test`, `nx run-many -t test`, `pnpm -r test`, `npm test --workspaces`, `lerna run test`. */
function isWorkspaceLoop(script: string): boolean {
  return (
    /\b(turbo|nx|lerna)\b/.test(script) ||
    /\b(pnpm|yarn|npm|bun)\b.*(\s-r\b|--recursive|--filter|\s-F\b|--workspaces?\b|\s-ws\b|\bworkspaces\b|\bforeach\b)/.test(
      script,
    )
  );
}

/** The test runner whose configuration file sits in `dir`. */
export function configuredRunner(index: RepositoryIndex, dir: string): string | undefined {
  const names = index.filesIn(dir);
  if (names.some((name) => name.startsWith('vitest.config.'))) return 'vitest';
  if (names.some((name) => name.startsWith('jest.config.'))) return 'jest';
  return undefined;
}
