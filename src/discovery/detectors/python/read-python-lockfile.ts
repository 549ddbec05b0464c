import { joinRelative, type RepositoryIndex } from '../../repository-index.js';
import { listOf, pathOf, recordOf, stringOf } from '../../untyped-value.js';
import { normalisePythonName } from './parse-requirement.js';

export interface PythonLockfile {
  file: string;
  /** Resolved versions by normalised package name. */
  versions: Map<string, string>;
}

/** Lockfiles by the package manager that writes them. */
export const PYTHON_LOCKFILES: Readonly<Record<string, string>> = {
  uv: 'uv.lock',
  poetry: 'poetry.lock',
  pdm: 'pdm.lock',
  pipenv: 'Pipfile.lock',
};

/** Resolved versions from the manager's lockfile in `dir` (TOML `[[package]]` tables, or Pipfile.lock's JSON). */
export async function readPythonLockfile(
  index: RepositoryIndex,
  dir: string,
  manager: string,
): Promise<PythonLockfile | undefined> {
  const name = PYTHON_LOCKFILES[manager];
  const file = name === undefined ? undefined : joinRelative(dir, name);
  if (file === undefined || !index.has(file)) return undefined;
  const versions = new Map<string, string>();
  if (manager === 'pipenv') {
    const lock = await index.readParsed(file, 'json');
    for (const group of ['default', 'develop']) {
      for (const [pkg, entry] of Object.entries(recordOf(pathOf(lock, group)) ?? {})) {
        const version = stringOf(pathOf(entry, 'version'))?.replace(/^==/, '');
        if (version) versions.set(normalisePythonName(pkg), version);
      }
    }
  } else {
    const lock = await index.readParsed(file, 'toml');
    for (const entry of listOf(pathOf(lock, 'package'))) {
      const pkg = stringOf(pathOf(entry, 'name'));
      const version = stringOf(pathOf(entry, 'version'));
      if (pkg && version) versions.set(normalisePythonName(pkg), version);
    }
  }
  return { file, versions };
}

/**
 * The pins of a `requirements.txt` compiled from a `requirements.in` beside it: the versions the
 * project installs, used like a lockfile's. Undefined when there is no `.in`.
 */
export async function compiledRequirements(
  index: RepositoryIndex,
  dir: string,
): Promise<PythonLockfile | undefined> {
  const file = joinRelative(dir, 'requirements.txt');
  if (!index.has(joinRelative(dir, 'requirements.in')) || !index.has(file)) return undefined;
  const versions = new Map<string, string>();
  for (const line of ((await index.readText(file)) ?? '').split(/\r?\n/)) {
    const pin = /^([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?==([^\s;#\\]+)/.exec(line.trim());
    if (pin?.[1] && pin[2]) versions.set(normalisePythonName(pin[1]), pin[2]);
  }
  return { file, versions };
}
