import { assembleFindings } from '../../assemble-findings.js';
import { createCommandClassifier } from '../../command-classifier.js';
import type { ClassifiedStack, DeclaredDependency } from '../../dependency-catalog.js';
import type { DetectionContext, EcosystemDetector, EcosystemFindings } from '../../detector.js';
import { matchWorkspaceMembers } from '../../match-workspace-members.js';
import { readVersionFile } from '../../read-version-file.js';
import { dirnameRelative, joinRelative, type RepositoryIndex } from '../../repository-index.js';
import { pinnedVersion } from './parse-requirement.js';
import { pythonCatalog } from './python-catalog.js';
import { pythonDefaultCommands, pythonOwnCommands, type PythonCommandInput } from './python-commands.js';
import type { DeclaredRequirement, PythonDeclaration } from './python-declaration.js';
import { readPyproject } from './read-pyproject.js';
import { readPythonTools } from './read-python-tools.js';
import { choosePythonManager } from './choose-python-manager.js';
import { readPythonLockfile } from './read-python-lockfile.js';
import { readRequirementsFile } from './read-requirements-file.js';
import { readPipfile, readSetupCfg, readSetupPy } from './read-setup-files.js';

const MANIFESTS = new Set(['pyproject.toml', 'setup.py', 'setup.cfg', 'Pipfile']);
const KEPT_FILES = new Set([
  ...MANIFESTS,
  'Pipfile.lock',
  'uv.lock',
  'poetry.lock',
  'pdm.lock',
  'tox.ini',
  'noxfile.py',
  'manage.py',
  'pytest.ini',
  '.flake8',
  'ruff.toml',
  '.ruff.toml',
  '.pylintrc',
  'mypy.ini',
]);
const REQUIREMENTS = /^requirements.*\.txt$/;
const DEV_REQUIREMENTS = /dev|test|lint|ci|doc|local/;

/** Python projects: pyproject.toml (PEP 621, Poetry, uv), requirements files, Pipfile, setup.cfg/setup.py. */
export const pythonDetector: EcosystemDetector = {
  ecosystem: 'python',
  keepsFile: (name, dir) =>
    KEPT_FILES.has(name) || REQUIREMENTS.test(name) || (isRequirementsDir(dir) && name.endsWith('.txt')),
  projectDirOf: (file) => {
    const name = file.slice(file.lastIndexOf('/') + 1);
    const dir = dirnameRelative(file);
    if (MANIFESTS.has(name) || REQUIREMENTS.test(name)) return dir;
    return isRequirementsDir(dir) && name.endsWith('.txt') ? dirnameRelative(dir) : undefined;
  },
  workspaceMembers: async (dir, context) => {
    const pyproject = joinRelative(dir, 'pyproject.toml');
    if (!context.index.has(pyproject)) return [];
    const workspace = (await readPyproject(context.index, pyproject))?.workspace;
    return workspace
      ? matchWorkspaceMembers(dir, workspace.members, context.candidates, workspace.exclude)
      : [];
  },
  detect: detectPythonProject,
  classifyCommand: createCommandClassifier({
    install: [
      'pip install',
      'pip3 install',
      'python -m pip install',
      'python3 -m pip install',
      'poetry install',
      'uv sync',
      'uv pip install',
      'pipenv install',
      'pipenv sync',
      'pdm install',
      'pdm sync',
    ],
    test: [
      'pytest',
      'python -m pytest',
      'python3 -m pytest',
      'uv run pytest',
      'poetry run pytest',
      'pipenv run pytest',
      'pdm run pytest',
      'tox',
      'nox',
      'python manage.py test',
      'python -m unittest',
      'uv run python -m pytest',
    ],
    lint: [
      'ruff',
      'flake8',
      'pylint',
      'mypy',
      'uv run ruff',
      'poetry run ruff',
      'poetry run flake8',
      'uv run mypy',
      'poetry run mypy',
      'pre-commit run',
    ],
  }),
};

function isRequirementsDir(dir: string): boolean {
  return dir === 'requirements' || dir.endsWith('/requirements');
}

async function detectPythonProject(
  dir: string,
  members: readonly string[],
  context: DetectionContext,
): Promise<EcosystemFindings | undefined> {
  const { index } = context;
  const declarations = (
    await Promise.all([dir, ...members].map((each) => readDeclarations(index, each)))
  ).flat();
  // Workspace members depend on each other by name; those are not outside dependencies.
  const internal = new Set(declarations.flatMap((declaration) => declaration.packageName ?? []));
  const requirements = declarations
    .flatMap((declaration) => declaration.requirements)
    .filter((requirement) => !internal.has(requirement.name));
  if (
    requirements.length === 0 &&
    members.length === 0 &&
    !declarations.some((d) => d.declaresProject || d.workspace)
  )
    return undefined;
  const manager = choosePythonManager(index, dir, declarations);
  const lockfile = await readPythonLockfile(index, dir, manager);
  const dependencies: DeclaredDependency[] = requirements.map((requirement) => {
    const locked = lockfile?.versions.get(requirement.name);
    const version = locked ?? pinnedVersion(requirement.constraint);
    return {
      name: requirement.name,
      constraint: requirement.constraint,
      version,
      source: locked && lockfile ? lockfile.file : requirement.file,
      dev: requirement.dev,
    };
  });
  const tools = await readPythonTools(index, dir);
  const findings = assembleFindings({
    ecosystem: 'python',
    language: 'python',
    languageVersion:
      (await readVersionFile(index, dir, {
        files: ['.python-version', 'runtime.txt'],
        toolVersionsName: 'python',
      })) ??
      declarations.find((declaration) => declaration.requiresPython)?.requiresPython ??
      null,
    packageManager: manager,
    dependencies,
    catalog: pythonCatalog,
    ownCommands: {},
    defaultCommands: {},
    extra: extraStack(requirements, [...declarations.flatMap((d) => d.tools), ...tools.configured]),
  });
  const input: PythonCommandInput = {
    dir,
    manager,
    lockfile: lockfile?.file,
    requirementFiles: installableRequirements(index, dir),
    manifest: manifestOf(index, dir),
    extras: declarations.flatMap((declaration) => declaration.extras),
    tox:
      tools.tox ??
      (declarations.some((d) => d.hasTox) ? { file: manifestOf(index, dir), envs: new Set() } : undefined),
    nox: tools.nox,
    tasks: new Map(declarations.flatMap((declaration) => [...declaration.tasks])),
    testFrameworks: findings.testFrameworks,
    linters: findings.linters,
    manageScript: index.has(joinRelative(dir, 'manage.py')) ? joinRelative(dir, 'manage.py') : undefined,
  };
  findings.ownCommands = pythonOwnCommands(input);
  findings.defaultCommands = pythonDefaultCommands(input);
  return findings;
}

async function readDeclarations(index: RepositoryIndex, dir: string): Promise<PythonDeclaration[]> {
  const at = (name: string): string | undefined =>
    index.has(joinRelative(dir, name)) ? joinRelative(dir, name) : undefined;
  const readers: Array<
    [string, (index: RepositoryIndex, file: string) => Promise<PythonDeclaration | undefined>]
  > = [
    ['pyproject.toml', readPyproject],
    ['Pipfile', readPipfile],
    ['setup.cfg', readSetupCfg],
    ['setup.py', readSetupPy],
  ];
  const declarations = await Promise.all(
    readers.map(([name, read]) => (at(name) ? read(index, at(name) as string) : undefined)),
  );
  const requirementFiles = requirementFilesOf(index, dir);
  const fromFiles = await Promise.all(requirementFiles.map((file) => readRequirementsFile(index, file)));
  const requirements: DeclaredRequirement[] = fromFiles.flatMap((list, i) =>
    list.map((requirement) => ({
      ...requirement,
      dev: DEV_REQUIREMENTS.test(baseName(requirementFiles[i] ?? '')),
    })),
  );
  const fromRequirements: PythonDeclaration = {
    packageName: undefined,
    requirements,
    requiresPython: null,
    tools: [],
    managers: [],
    declaresProject: false,
    extras: [],
    workspace: undefined,
    tasks: new Map(),
    hasTox: false,
  };
  return [...declarations.flatMap((declaration) => (declaration ? [declaration] : [])), fromRequirements];
}

function requirementFilesOf(index: RepositoryIndex, dir: string): string[] {
  const own = index
    .filesIn(dir)
    .filter((name) => REQUIREMENTS.test(name))
    .map((name) => joinRelative(dir, name));
  const folder = joinRelative(dir, 'requirements');
  return [
    ...own,
    ...index
      .filesIn(folder)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => joinRelative(folder, name)),
  ];
}

/** The requirements a pip install needs: the main file (or a `requirements/` base) and one development file. */
function installableRequirements(index: RepositoryIndex, dir: string): string[] {
  const files = requirementFilesOf(index, dir);
  const main =
    files.find((file) => baseName(file) === 'requirements.txt') ??
    files.find((file) => !DEV_REQUIREMENTS.test(baseName(file)));
  const dev = files.find((file) => DEV_REQUIREMENTS.test(baseName(file)) && !/doc/.test(baseName(file)));
  return [...(main ? [main] : []), ...(dev ? [dev] : [])];
}

function manifestOf(index: RepositoryIndex, dir: string): string {
  const names = ['pyproject.toml', 'setup.py', 'setup.cfg', 'Pipfile', 'requirements.txt'];
  const found = names.map((name) => joinRelative(dir, name)).find((file) => index.has(file));
  return found ?? requirementFilesOf(index, dir)[0] ?? joinRelative(dir, 'pyproject.toml');
}

/** Stack facts from requirement extras (`celery[redis]`) and configured tools (`[tool.ruff]`, `.flake8`). */
function extraStack(
  requirements: readonly DeclaredRequirement[],
  tools: readonly string[],
): Partial<ClassifiedStack> {
  const stack: Required<Pick<ClassifiedStack, 'databases' | 'linters' | 'testFrameworks'>> = {
    databases: [],
    linters: [],
    testFrameworks: [],
  };
  for (const requirement of requirements) {
    for (const extra of requirement.extras) {
      for (const entry of pythonCatalog.lookup(`${requirement.name}[${extra}]`))
        if (entry.role === 'database') stack.databases.push(entry.name);
    }
  }
  for (const tool of tools) {
    const [role, name] = tool.split(':');
    if (role === 'linter' && name) stack.linters.push(name);
    if (role === 'test' && name) stack.testFrameworks.push(name);
  }
  return stack;
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}
