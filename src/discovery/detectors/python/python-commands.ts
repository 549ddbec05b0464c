import type { CommandSet } from '../../detector.js';
import type { ProjectCommand } from '../../project.js';

export type PythonManager = 'uv' | 'poetry' | 'pipenv' | 'pdm' | 'pip';

export interface PythonCommandInput {
  /** The project directory, which commands run in. */
  dir: string;
  manager: PythonManager;
  lockfile: string | undefined;
  /** pip requirements to install: the main file, then a development one. */
  requirementFiles: string[];
  /** The manifest a default command points to (pyproject.toml, setup.py…). */
  manifest: string;
  extras: readonly string[];
  tox: { file: string; envs: ReadonlySet<string> } | undefined;
  nox: { file: string; sessions: ReadonlySet<string> } | undefined;
  /** poe tasks by name, with their source. */
  tasks: ReadonlyMap<string, string>;
  testFrameworks: readonly string[];
  linters: readonly string[];
  /** Django's manage.py, when the project has one. */
  manageScript: string | undefined;
  /** Anything says the project has tests: a tests folder, conftest.py, pytest among its tools. */
  hasTests: boolean;
  /**
   * For a workspace member: its package name, which `uv run --package` scopes commands to, and
   * the way back to the workspace root, whose environment Poetry runs it in (`poetry -P ../..`).
   */
  memberOf: { packageName: string; rootFromMember: string } | undefined;
}

const RUN_PREFIX: Readonly<Record<PythonManager, string>> = {
  uv: 'uv run ',
  poetry: 'poetry run ',
  pipenv: 'pipenv run ',
  pdm: 'pdm run ',
  pip: '',
};

const LOCKED_INSTALL: Readonly<Record<PythonManager, string>> = {
  uv: 'uv sync --locked',
  poetry: 'poetry install',
  pipenv: 'pipenv sync --dev',
  pdm: 'pdm sync',
  pip: 'pip install',
};

const UNLOCKED_INSTALL: Readonly<Record<PythonManager, string>> = {
  uv: 'uv sync',
  poetry: 'poetry install',
  pipenv: 'pipenv install --dev',
  pdm: 'pdm install',
  pip: 'pip install -e .',
};

/** Commands the project's files define: a locked install, pip requirements, tox and nox sessions, poe tasks. */
export function pythonOwnCommands(input: PythonCommandInput): CommandSet {
  const commands: CommandSet = {};
  // A member installs the whole workspace from the root, where its lockfile is.
  const all = input.memberOf && input.manager === 'uv' ? ' --all-packages' : '';
  if (input.lockfile)
    commands.install = { run: `${LOCKED_INSTALL[input.manager]}${all}`, source: input.lockfile };
  else if (input.manager === 'pip' && input.requirementFiles[0]) {
    const files = input.requirementFiles.map((file) => `-r ${relativeTo(input.dir, file)}`).join(' ');
    commands.install = { run: `pip install ${files}`, source: input.requirementFiles[0] };
  }
  commands.test = sessionCommand(input, ['tests', 'test']);
  commands.lint = sessionCommand(input, ['lint']);
  return commands;
}

/** The package manager's usual commands: an editable install, pytest (or Django's runner), the configured linter. */
export function pythonDefaultCommands(input: PythonCommandInput): CommandSet {
  const prefix = memberPrefix(input) ?? RUN_PREFIX[input.manager];
  const suggest = (run: string): ProjectCommand => ({ run, source: input.manifest, suggested: true });
  const commands: CommandSet = {};
  if (input.manager === 'pip') {
    const extra = input.extras.find((name) => name === 'dev' || name === 'test' || name === 'tests');
    commands.install = suggest(extra ? `pip install -e ".[${extra}]"` : 'pip install -e .');
  } else commands.install = suggest(UNLOCKED_INSTALL[input.manager]);
  const django = input.manageScript !== undefined && !input.testFrameworks.includes('pytest');
  // Without tests in sight (a docs folder, a deploy-only package), a suggested pytest would only fail.
  if (django) commands.test = suggest(`${prefix}python manage.py test`);
  else if (input.hasTests) commands.test = suggest(`${prefix}pytest`);
  if (input.linters.includes('ruff')) commands.lint = suggest(`${prefix}ruff check .`);
  else if (input.linters.includes('flake8')) commands.lint = suggest(`${prefix}flake8`);
  return commands;
}

function memberPrefix(input: PythonCommandInput): string | undefined {
  if (!input.memberOf) return undefined;
  if (input.manager === 'uv') return `uv run --package ${input.memberOf.packageName} `;
  if (input.manager === 'poetry') return `poetry -P ${input.memberOf.rootFromMember} run `;
  return undefined;
}

function sessionCommand(input: PythonCommandInput, names: readonly string[]): ProjectCommand | undefined {
  const prefix = RUN_PREFIX[input.manager];
  for (const name of names) {
    const task = input.tasks.get(name);
    if (task) return { run: `${prefix}poe ${name}`, source: task };
    if (input.nox?.sessions.has(name)) return { run: `nox -s ${name}`, source: input.nox.file };
    if (input.tox && names.includes('tests')) return { run: 'tox', source: input.tox.file };
    if (input.tox?.envs.has(name)) return { run: `tox -e ${name}`, source: input.tox.file };
  }
  return undefined;
}

/** Requirement paths as the install command, run in the project directory, needs them. */
function relativeTo(dir: string, file: string): string {
  return dir === '.' ? file : file.slice(dir.length + 1);
}
