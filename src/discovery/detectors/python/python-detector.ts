import path from 'node:path';
import { assembleFindings } from '../../assemble-findings.js';
import { createCommandClassifier } from '../../command-classifier.js';
import type { SourcedValue } from '../../project.js';
import type { DetectionContext, EcosystemDetector, EcosystemFindings } from '../../detector.js';
import { matchWorkspaceMembers } from '../../match-workspace-members.js';
import { readPinnedVersion } from '../../read-version-file.js';
import { dirnameRelative, joinRelative, type RepositoryIndex } from '../../repository-index.js';
import { choosePythonManager } from './choose-python-manager.js';
import { pythonCatalog } from './python-catalog.js';
import { pythonDefaultCommands, pythonOwnCommands, type PythonCommandInput } from './python-commands.js';
import type { PythonDeclaration } from './python-declaration.js';
import {
  installableRequirements,
  pythonManifestOf,
  readPythonDeclarations,
  REQUIREMENTS_FILE,
} from './read-python-declarations.js';
import { readPyproject } from './read-pyproject.js';
import { compiledRequirements, readPythonLockfile } from './read-python-lockfile.js';
import { readPythonTools, type PythonTools } from './read-python-tools.js';
import {
  extraStack,
  hasOwnTests,
  outsideRequirements,
  resolveRequirement,
  workspacePackages,
  workspaceTools,
} from './python-project-signals.js';

const MANIFESTS = new Set(['pyproject.toml', 'setup.py', 'setup.cfg', 'Pipfile']);
const KEPT_FILES = new Set([
  ...MANIFESTS,
  ...[
    'Pipfile.lock',
    'uv.lock',
    'poetry.lock',
    'pdm.lock',
    'tox.ini',
    'noxfile.py',
    'manage.py',
    'conftest.py',
  ],
  ...['pytest.ini', '.flake8', 'ruff.toml', '.ruff.toml', '.pylintrc', 'mypy.ini'],
]);

/** Python projects: pyproject.toml (PEP 621, Poetry, uv), requirements files, Pipfile, setup.cfg/setup.py. */
export const pythonDetector: EcosystemDetector = {
  ecosystem: 'python',
  keepsFile: (name, dir) =>
    KEPT_FILES.has(name) || REQUIREMENTS_FILE.test(name) || (isRequirementsDir(dir) && name.endsWith('.txt')),
  projectDirOf: (file) => {
    const name = file.slice(file.lastIndexOf('/') + 1);
    const dir = dirnameRelative(file);
    if (MANIFESTS.has(name) || REQUIREMENTS_FILE.test(name)) return dir;
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
  isSingleBuild: () => Promise.resolve(false),
  classifyCommand: createCommandClassifier({
    install: [
      ...['pip install', 'pip3 install', 'python -m pip install', 'python3 -m pip install', 'poetry install'],
      ...['uv sync', 'uv pip install', 'pipenv install', 'pipenv sync', 'pdm install', 'pdm sync'],
    ],
    test: [
      ...['pytest', 'python -m pytest', 'python3 -m pytest', 'uv run pytest', 'poetry run pytest'],
      ...['pipenv run pytest', 'pdm run pytest', 'tox', 'nox', 'python manage.py test', 'python -m unittest'],
    ],
    lint: [
      ...['ruff', 'flake8', 'pylint', 'mypy', 'uv run ruff', 'poetry run ruff', 'poetry run flake8'],
      ...['uv run mypy', 'poetry run mypy', 'pre-commit run'],
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
    await Promise.all([dir, ...members].map((each) => readPythonDeclarations(index, each)))
  ).flat();
  const requirements = outsideRequirements(
    declarations,
    context.workspace !== undefined ? await readPythonDeclarations(index, context.workspace) : [],
  );
  const declaresProject = declarations.some(
    (declaration) => declaration.declaresProject || declaration.workspace,
  );
  if (requirements.length === 0 && members.length === 0 && !declaresProject) return undefined;
  // A workspace member takes its package manager and lockfile from the workspace root.
  const root = context.workspace ?? dir;
  const rootDeclarations = root === dir ? declarations : await readPythonDeclarations(index, root);
  const manager = choosePythonManager(index, root, rootDeclarations);
  const lockfile =
    (await readPythonLockfile(index, root, manager)) ?? (await compiledRequirements(index, dir));
  const tools = await readPythonTools(index, dir);
  const findings = assembleFindings({
    ecosystem: 'python',
    language: 'python',
    languageVersion: await readPythonVersion(index, dir, declarations),
    packageManager: manager,
    dependencies: requirements.map((requirement) => resolveRequirement(requirement, lockfile)),
    catalog: pythonCatalog,
    ownCommands: {},
    defaultCommands: {},
    extra: extraStack(requirements, [
      ...declarations.flatMap((declaration) => declaration.tools),
      ...tools.configured,
      // A member runs with the workspace's development tools (pytest, ruff in the root's dev group).
      ...(root === dir ? [] : workspaceTools(rootDeclarations)),
    ]),
  });
  findings.ownTests = hasOwnTests(index, dir, declarations, tools);
  if (context.workspace !== undefined) {
    const packages = await workspacePackages(index, context.workspace, context.candidates);
    findings.internalDependencies = declarations.flatMap((declaration) =>
      declaration.requirements.flatMap((requirement) => packages.get(requirement.name) ?? []),
    );
  }
  const ownPytest = requirements.some((requirement) => requirement.name === 'pytest');
  findings.ownCode = index.hasSourceFolder(dir);
  const packageName = declarations.find((declaration) => declaration.packageName)?.packageName;
  const input = commandInput(index, dir, {
    manager,
    lockfile: lockfile && lockfile.file.endsWith('.txt') ? undefined : lockfile?.file,
    declarations,
    tools,
    findings,
    memberOf:
      context.workspace !== undefined && packageName
        ? {
            packageName,
            rootFromMember: path.posix.relative(dir, context.workspace === '.' ? '' : context.workspace),
          }
        : undefined,
    hasTests: findings.ownTests || ownPytest,
  });
  findings.ownCommands = pythonOwnCommands(input);
  findings.defaultCommands = pythonDefaultCommands(input);
  return findings;
}

/** A pinned interpreter file wins over a manifest's `requires-python` range. */
async function readPythonVersion(
  index: RepositoryIndex,
  dir: string,
  declarations: readonly PythonDeclaration[],
): Promise<SourcedValue | null> {
  return (
    (await readPinnedVersion(index, dir, 'python')) ??
    declarations.find((declaration) => declaration.requiresPython)?.requiresPython ??
    null
  );
}

interface CommandFacts {
  manager: PythonCommandInput['manager'];
  lockfile: string | undefined;
  declarations: readonly PythonDeclaration[];
  tools: PythonTools;
  findings: EcosystemFindings;
  memberOf: PythonCommandInput['memberOf'];
  hasTests: boolean;
}

function commandInput(index: RepositoryIndex, dir: string, facts: CommandFacts): PythonCommandInput {
  const manifest = pythonManifestOf(index, dir);
  const manage = joinRelative(dir, 'manage.py');
  const declaresTox = facts.declarations.some((declaration) => declaration.hasTox);
  return {
    dir,
    manager: facts.manager,
    lockfile: facts.lockfile,
    requirementFiles: installableRequirements(index, dir),
    manifest,
    extras: facts.declarations.flatMap((declaration) => declaration.extras),
    tox: facts.tools.tox ?? (declaresTox ? { file: manifest, envs: new Set() } : undefined),
    nox: facts.tools.nox,
    tasks: new Map(facts.declarations.flatMap((declaration) => [...declaration.tasks])),
    testFrameworks: facts.findings.testFrameworks,
    linters: facts.findings.linters,
    manageScript: index.has(manage) ? manage : undefined,
    hasTests: facts.hasTests,
    memberOf: facts.memberOf,
  };
}
