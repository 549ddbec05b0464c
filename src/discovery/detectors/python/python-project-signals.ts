import type { ClassifiedStack, DeclaredDependency } from '../../dependency-catalog.js';
import { joinRelative, type RepositoryIndex } from '../../repository-index.js';
import { pinnedVersion } from './parse-requirement.js';
import { pythonCatalog } from './python-catalog.js';
import type { DeclaredRequirement, PythonDeclaration } from './python-declaration.js';
import { readPyproject } from './read-pyproject.js';
import type { PythonTools } from './read-python-tools.js';

/** A tests folder, conftest.py, pytest configured (pytest.ini, `[tool.pytest]`), tox or nox. */
export function hasOwnTests(
  index: RepositoryIndex,
  dir: string,
  declarations: readonly PythonDeclaration[],
  tools: PythonTools,
): boolean {
  return (
    index.hasTestFolder(dir) ||
    index.has(joinRelative(dir, 'conftest.py')) ||
    tools.configured.includes('test:pytest') ||
    declarations.some((declaration) => declaration.tools.includes('test:pytest') || declaration.hasTox) ||
    tools.tox !== undefined ||
    tools.nox !== undefined
  );
}

/** The workspace's own packages by name, with their folders: what its members depend on by name or path. */
export async function workspacePackages(
  index: RepositoryIndex,
  root: string,
  candidates: readonly string[],
): Promise<Map<string, string>> {
  const below = candidates.filter(
    (dir) => (root === '.' || dir.startsWith(`${root}/`)) && index.has(joinRelative(dir, 'pyproject.toml')),
  );
  const read = await Promise.all(
    below.map(async (dir) => [dir, await readPyproject(index, joinRelative(dir, 'pyproject.toml'))] as const),
  );
  return new Map(
    read.flatMap(([dir, declaration]) =>
      declaration?.packageName ? [[declaration.packageName, dir] as const] : [],
    ),
  );
}

/** The test and lint tools a workspace root configures or installs for all its members. */
export function workspaceTools(declarations: readonly PythonDeclaration[]): string[] {
  const installed = declarations.flatMap((declaration) =>
    declaration.requirements.flatMap((requirement) =>
      pythonCatalog
        .lookup(requirement.name)
        .filter((entry) => entry.role === 'test' || entry.role === 'linter')
        .map((entry) => `${entry.role}:${entry.name}`),
    ),
  );
  return [...declarations.flatMap((declaration) => declaration.tools), ...installed];
}

/** Workspace members depend on each other by name; those are not outside dependencies. */
export function outsideRequirements(
  declarations: readonly PythonDeclaration[],
  workspace: readonly PythonDeclaration[],
): DeclaredRequirement[] {
  const internal = new Set(
    [...declarations, ...workspace].flatMap((declaration) => [
      ...(declaration.packageName ? [declaration.packageName] : []),
      ...declaration.workspaceSources,
    ]),
  );
  return declarations
    .flatMap((declaration) => declaration.requirements)
    .filter((requirement) => !internal.has(requirement.name));
}

export function resolveRequirement(
  requirement: DeclaredRequirement,
  lockfile: { file: string; versions: ReadonlyMap<string, string> } | undefined,
): DeclaredDependency {
  const locked = lockfile?.versions.get(requirement.name);
  const version = locked ?? pinnedVersion(requirement.constraint);
  const source = locked && lockfile ? lockfile.file : requirement.file;
  return {
    name: requirement.name,
    constraint: requirement.constraint,
    version,
    source,
    dev: requirement.dev,
  };
}

/** Stack facts from requirement extras (`celery[redis]`) and configured tools (`[tool.ruff]`, `.flake8`). */
export function extraStack(
  requirements: readonly DeclaredRequirement[],
  tools: readonly string[],
): Partial<ClassifiedStack> {
  const databases = requirements.flatMap((requirement) =>
    requirement.extras.flatMap((extra) =>
      pythonCatalog
        .lookup(`${requirement.name}[${extra}]`)
        .filter((entry) => entry.role === 'database')
        .map((entry) => entry.name),
    ),
  );
  const named = (role: string): string[] =>
    tools.flatMap((tool) => (tool.startsWith(`${role}:`) ? [tool.slice(role.length + 1)] : []));
  return { databases, linters: named('linter'), testFrameworks: named('test') };
}
