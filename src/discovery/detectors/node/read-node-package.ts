import type { DeclaredDependency } from '../../dependency-catalog.js';
import type { SourcedValue } from '../../project.js';
import { readPinnedVersion } from '../../read-version-file.js';
import { joinRelative, type RepositoryIndex } from '../../repository-index.js';
import { pathOf, recordOf, stringMapOf, stringOf, type UnknownRecord } from '../../untyped-value.js';
import type { NodeLockfile } from './read-node-lockfile.js';

/** A package.json and where it is. */
export interface NodePackage {
  dir: string;
  manifestPath: string;
  manifest: UnknownRecord;
}

const DEPENDENCY_GROUPS: ReadonlyArray<readonly [string, boolean]> = [
  ['dependencies', false],
  ['optionalDependencies', false],
  ['devDependencies', true],
  ['peerDependencies', true],
];

/** The package.json of `dir`, or undefined (with a warning) when it is not a JSON object. */
export async function readPackage(index: RepositoryIndex, dir: string): Promise<NodePackage | undefined> {
  const manifestPath = joinRelative(dir, 'package.json');
  const nxProject = joinRelative(dir, 'project.json');
  if (!index.has(manifestPath) && index.has(nxProject)) {
    // An Nx project without a package.json: named by its project.json, its dependencies at the root.
    const name = stringOf(pathOf(await index.readParsed(nxProject, 'json'), 'name'));
    return { dir, manifestPath: nxProject, manifest: name === undefined ? {} : { name } };
  }
  const parsed = await index.readParsed(manifestPath, 'json');
  const manifest = recordOf(parsed);
  if (!manifest) {
    // A parse failure has been reported already; valid JSON of the wrong shape has not.
    if (parsed !== undefined)
      index.warn(manifestPath, 'package.json is not a JSON object; the package is left out');
    return undefined;
  }
  return { dir, manifestPath, manifest };
}

/**
 * The package's dependencies with versions from the workspace lockfile (looked up for
 * the package's importer path); workspace-internal packages are left out.
 */
export function declaredDependencies(
  pkg: NodePackage,
  workspaceRoot: string,
  lockfile: NodeLockfile | undefined,
  internal: ReadonlySet<string>,
): DeclaredDependency[] {
  const importer =
    pkg.dir === workspaceRoot
      ? '.'
      : workspaceRoot === '.'
        ? pkg.dir
        : pkg.dir.slice(workspaceRoot.length + 1);
  return DEPENDENCY_GROUPS.flatMap(([group, dev]) =>
    [...stringMapOf(pkg.manifest[group])].flatMap(([name, constraint]) => {
      if (internal.has(name) || /^(workspace|link|file|portal):/.test(constraint)) return [];
      const resolved = lockfile?.versionOf(name, importer, constraint);
      const pinned = /^\d+\.\d+\.\d+(-[\w.]+)?$/.test(constraint) ? constraint : undefined;
      const version = resolved ?? pinned ?? null;
      return [
        { name, constraint, version, source: resolved && lockfile ? lockfile.file : pkg.manifestPath, dev },
      ];
    }),
  );
}

/** The Node.js version: `.nvmrc`, `.node-version`, `.tool-versions`, then Volta, then `engines.node`. */
export async function nodeVersion(index: RepositoryIndex, root: NodePackage): Promise<SourcedValue | null> {
  const pinned = await readPinnedVersion(index, root.dir, 'node');
  if (pinned) return pinned;
  const declared =
    stringOf(pathOf(root.manifest, 'volta', 'node')) ?? stringOf(pathOf(root.manifest, 'engines', 'node'));
  return declared ? { value: declared, source: root.manifestPath } : null;
}

/** Linters whose configuration files sit in the packages. */
export function configuredLinters(index: RepositoryIndex, dirs: readonly string[]): string[] {
  const linters: string[] = [];
  for (const dir of dirs) {
    const names = index.filesIn(dir);
    if (names.some((name) => name.startsWith('.eslintrc') || name.startsWith('eslint.config.')))
      linters.push('eslint');
    if (names.includes('biome.json') || names.includes('biome.jsonc')) linters.push('biome');
  }
  return linters;
}

/** Whether Yarn 2+ manages the project: its lockfile format, the packageManager field, or .yarnrc.yml. */
export function isYarnBerry(
  index: RepositoryIndex,
  dir: string,
  lockfile: NodeLockfile | undefined,
  field: string | undefined,
): boolean {
  if (lockfile?.file.endsWith('yarn.lock')) return lockfile.yarnBerry;
  const major = /^yarn@(\d+)/.exec(field ?? '')?.[1];
  if (major) return Number(major) >= 2;
  return index.has(joinRelative(dir, '.yarnrc.yml'));
}

/** Turborepo or Nx at the workspace root, when configured. */
export function taskRunnerOf(
  index: RepositoryIndex,
  dir: string,
): { tool: 'turbo' | 'nx'; file: string } | undefined {
  const turbo = joinRelative(dir, 'turbo.json');
  if (index.has(turbo)) return { tool: 'turbo', file: turbo };
  const nx = joinRelative(dir, 'nx.json');
  return index.has(nx) ? { tool: 'nx', file: nx } : undefined;
}
