import type { SourcedValue } from '../../project.js';
import type { RepositoryIndex } from '../../repository-index.js';
import { pathOf, recordOf, stringOf, stringsOf, type UnknownRecord } from '../../untyped-value.js';
import { normalisePythonName, parseRequirement } from './parse-requirement.js';
import type { DeclaredRequirement, PythonDeclaration } from './python-declaration.js';

/** Tools configured in `[tool.*]` tables, by table name. */
const TOOL_TABLES: Readonly<Record<string, string>> = {
  ruff: 'linter:ruff',
  black: 'linter:black',
  mypy: 'linter:mypy',
  pylint: 'linter:pylint',
  isort: 'linter:isort',
  flake8: 'linter:flake8',
  pytest: 'test:pytest',
};

/**
 * What a pyproject.toml declares: PEP 621 `[project]` dependencies and extras, PEP 735
 * dependency groups, Poetry's dependency tables, uv's dev dependencies and workspace,
 * `requires-python`, and the tools configured under `[tool]`.
 */
export async function readPyproject(
  index: RepositoryIndex,
  file: string,
): Promise<PythonDeclaration | undefined> {
  const document = recordOf(await index.readParsed(file, 'toml'));
  if (!document) return undefined;
  const project = recordOf(document.project);
  const poetry = recordOf(pathOf(document, 'tool', 'poetry'));
  const uv = recordOf(pathOf(document, 'tool', 'uv'));
  const tool = recordOf(document.tool) ?? {};
  const name = stringOf(project?.name) ?? stringOf(poetry?.name);
  return {
    packageName: name === undefined ? undefined : normalisePythonName(name),
    requirements: declaredRequirements(document, file),
    requiresPython: pythonConstraint(project, poetry, file),
    tools: Object.keys(tool).flatMap((name) => TOOL_TABLES[name] ?? []),
    managers: declaredManagers(document),
    declaresProject:
      project !== undefined || poetry !== undefined || document['dependency-groups'] !== undefined,
    extras: Object.keys(recordOf(project?.['optional-dependencies']) ?? {}),
    workspace: uvWorkspace(uv) ?? poetryWorkspace(poetry),
    workspaceSources: Object.entries(recordOf(uv?.sources) ?? {})
      .filter(([, source]) => pathOf(source, 'workspace') === true)
      .map(([name]) => normalisePythonName(name)),
    tasks: new Map(
      Object.keys(recordOf(pathOf(tool, 'poe', 'tasks')) ?? {}).map((name) => [
        name,
        `${file} tool.poe.tasks.${name}`,
      ]),
    ),
    hasTox: pathOf(tool, 'tox') !== undefined,
  };
}

/** Every requirement list a pyproject can hold; everything but `[project] dependencies` is optional or dev. */
function declaredRequirements(document: UnknownRecord, file: string): DeclaredRequirement[] {
  const project = recordOf(document.project);
  return [
    ...fromList(stringsOf(project?.dependencies), file, false),
    ...fromList(dynamicDependencies(document), file, false),
    ...Object.values(recordOf(project?.['optional-dependencies']) ?? {}).flatMap((list) =>
      fromList(stringsOf(list), file, true),
    ),
    ...Object.values(recordOf(document['dependency-groups']) ?? {}).flatMap((list) =>
      fromList(stringsOf(list), file, true),
    ),
    ...fromList(stringsOf(pathOf(document, 'tool', 'uv', 'dev-dependencies')), file, true),
    ...fromPoetry(recordOf(pathOf(document, 'tool', 'poetry')), file),
  ];
}

/**
 * Dependencies a build hook fills in when `[project] dynamic` names them: Hatch metadata hooks
 * (`[tool.hatch.metadata.hooks.<hook>] dependencies`, e.g. uv-dynamic-versioning).
 */
function dynamicDependencies(document: UnknownRecord): string[] {
  if (!stringsOf(pathOf(document, 'project', 'dynamic')).includes('dependencies')) return [];
  const hooks = recordOf(pathOf(document, 'tool', 'hatch', 'metadata', 'hooks')) ?? {};
  return Object.values(hooks).flatMap((hook) => stringsOf(pathOf(hook, 'dependencies')));
}

/** A manager counts as declared by its `[tool.*]` table or by being the build backend. */
function declaredManagers(document: UnknownRecord): string[] {
  const buildBackend = stringOf(pathOf(document, 'build-system', 'build-backend')) ?? '';
  const poetry = recordOf(pathOf(document, 'tool', 'poetry'));
  const uv = recordOf(pathOf(document, 'tool', 'uv'));
  const pdm = pathOf(document, 'tool', 'pdm');
  return [
    ...(poetry || buildBackend.startsWith('poetry') ? ['poetry'] : []),
    ...(uv ? ['uv'] : []),
    ...(pdm || buildBackend.startsWith('pdm') ? ['pdm'] : []),
  ];
}

function uvWorkspace(uv: UnknownRecord | undefined): PythonDeclaration['workspace'] {
  return uv?.workspace
    ? {
        members: stringsOf(pathOf(uv, 'workspace', 'members')),
        exclude: stringsOf(pathOf(uv, 'workspace', 'exclude')),
      }
    : undefined;
}

/**
 * Poetry has no workspace table; a monorepo's root depends on its packages by path
 * (`billing = { path = "libs/billing", develop = true }`): those folders are its members.
 */
function poetryWorkspace(poetry: UnknownRecord | undefined): PythonDeclaration['workspace'] {
  const tables = [
    poetry?.dependencies,
    ...Object.values(recordOf(poetry?.group) ?? {}).map((group) => pathOf(group, 'dependencies')),
  ];
  const members = tables.flatMap((table) =>
    Object.values(recordOf(table) ?? {}).flatMap((spec) => {
      const where = stringOf(pathOf(spec, 'path'));
      return where && !where.startsWith('..') && !/\.(whl|tar\.gz|zip)$/.test(where) ? [where] : [];
    }),
  );
  return members.length > 0 ? { members, exclude: [] } : undefined;
}

function fromList(list: readonly string[], file: string, dev: boolean): DeclaredRequirement[] {
  return list.flatMap((text) => {
    const requirement = parseRequirement(text);
    return requirement ? [{ ...requirement, file, dev }] : [];
  });
}

/** Poetry tables map names to `"^1.2"` or `{ version = "^1.2", extras = [...] }`; `python` is the interpreter. */
function fromPoetry(poetry: UnknownRecord | undefined, file: string): DeclaredRequirement[] {
  if (!poetry) return [];
  const tables: Array<[unknown, boolean]> = [
    [poetry.dependencies, false],
    [poetry['dev-dependencies'], true],
    ...Object.values(recordOf(poetry.group) ?? {}).map((group): [unknown, boolean] => [
      pathOf(group, 'dependencies'),
      true,
    ]),
  ];
  return tables.flatMap(([table, dev]) =>
    Object.entries(recordOf(table) ?? {}).flatMap(([name, spec]) => {
      if (name.toLowerCase() === 'python') return [];
      const constraint = stringOf(spec) ?? stringOf(pathOf(spec, 'version')) ?? null;
      return [
        { name: normalisePythonName(name), extras: stringsOf(pathOf(spec, 'extras')), constraint, file, dev },
      ];
    }),
  );
}

function pythonConstraint(
  project: UnknownRecord | undefined,
  poetry: UnknownRecord | undefined,
  file: string,
): SourcedValue | null {
  const value = stringOf(project?.['requires-python']) ?? stringOf(pathOf(poetry, 'dependencies', 'python'));
  return value ? { value, source: file } : null;
}
