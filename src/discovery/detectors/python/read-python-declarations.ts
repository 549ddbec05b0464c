import { joinRelative, type RepositoryIndex } from '../../repository-index.js';
import { emptyDeclaration, type PythonDeclaration } from './python-declaration.js';
import { readPyproject } from './read-pyproject.js';
import { readRequirementsFile } from './read-requirements-file.js';
import { readPipfile, readSetupCfg, readSetupPy } from './read-setup-files.js';

/** `requirements.txt`, `requirements-dev.txt`, `requirements_test.txt`, and pip-tools' `requirements.in`… */
export const REQUIREMENTS_FILE = /^requirements.*\.(txt|in)$/;
const DEV_REQUIREMENTS = /dev|test|lint|ci|doc|local/;

type ManifestReader = (index: RepositoryIndex, file: string) => Promise<PythonDeclaration | undefined>;

const READERS: ReadonlyArray<readonly [string, ManifestReader]> = [
  ['pyproject.toml', readPyproject],
  ['Pipfile', readPipfile],
  ['setup.cfg', readSetupCfg],
  ['setup.py', readSetupPy],
];

/**
 * What the Python manifests of `dir` declare: pyproject.toml, Pipfile, setup.cfg,
 * setup.py, and the requirements files beside them or in a `requirements/` folder
 * (development ones by name: `-dev`, `test`, `local`…).
 */
export async function readPythonDeclarations(
  index: RepositoryIndex,
  dir: string,
): Promise<PythonDeclaration[]> {
  const present = READERS.filter(([name]) => index.has(joinRelative(dir, name)));
  const declarations = await Promise.all(present.map(([name, read]) => read(index, joinRelative(dir, name))));
  const files = requirementFilesOf(index, dir);
  const read = await Promise.all(files.map((file) => readRequirementsFile(index, file)));
  const fromRequirements = emptyDeclaration();
  read.forEach((list, i) => {
    const dev = DEV_REQUIREMENTS.test(baseName(files[i] ?? ''));
    fromRequirements.requirements.push(...list.map((requirement) => ({ ...requirement, dev })));
  });
  return [...declarations.flatMap((declaration) => (declaration ? [declaration] : [])), fromRequirements];
}

/**
 * The requirements files that declare `dir`'s dependencies: its own `requirements*.txt` and
 * those in `requirements/`. A `.txt` compiled from a `.in` of the same name (pip-compile,
 * `uv pip compile`) lists transitive packages too: the `.in` declares, the `.txt` only pins.
 */
export function requirementFilesOf(index: RepositoryIndex, dir: string): string[] {
  const files = allRequirementFiles(index, dir);
  return files.filter((file) => !(file.endsWith('.txt') && files.includes(file.replace(/\.txt$/, '.in'))));
}

/** The `.txt` requirements files of `dir`, compiled or not: what pip installs from. */
function allRequirementFiles(index: RepositoryIndex, dir: string): string[] {
  const folder = joinRelative(dir, 'requirements');
  return [
    ...index
      .filesIn(dir)
      .filter((name) => REQUIREMENTS_FILE.test(name))
      .map((name) => joinRelative(dir, name)),
    ...index
      .filesIn(folder)
      .filter((name) => name.endsWith('.txt') || name.endsWith('.in'))
      .map((name) => joinRelative(folder, name)),
  ];
}

/** The requirements a pip install needs: the main file (or a `requirements/` base) and one development file. */
export function installableRequirements(index: RepositoryIndex, dir: string): string[] {
  const files = allRequirementFiles(index, dir).filter((file) => file.endsWith('.txt'));
  const main =
    files.find((file) => baseName(file) === 'requirements.txt') ??
    files.find((file) => !DEV_REQUIREMENTS.test(baseName(file)));
  const dev = files.find((file) => DEV_REQUIREMENTS.test(baseName(file)) && !/doc/.test(baseName(file)));
  return [...(main ? [main] : []), ...(dev ? [dev] : [])];
}

/** The manifest default commands point to. */
export function pythonManifestOf(index: RepositoryIndex, dir: string): string {
  const names = ['pyproject.toml', 'setup.py', 'setup.cfg', 'Pipfile', 'requirements.txt'];
  const found = names.map((name) => joinRelative(dir, name)).find((file) => index.has(file));
  return found ?? requirementFilesOf(index, dir)[0] ?? joinRelative(dir, 'pyproject.toml');
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}
