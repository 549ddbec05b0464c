import { joinRelative, type RepositoryIndex } from '../../repository-index.js';
import type { PythonManager } from './python-commands.js';
import type { PythonDeclaration } from './python-declaration.js';
import { PYTHON_LOCKFILES } from './read-python-lockfile.js';

const ORDER: readonly PythonManager[] = ['uv', 'poetry', 'pdm', 'pipenv'];

/**
 * The project's package manager: its lockfile, else what pyproject.toml or a Pipfile
 * points to, else pip. Two lockfiles side by side are settled by the manifest's own
 * tables (`[tool.poetry]`, `[tool.uv]`) and reported.
 */
export function choosePythonManager(
  index: RepositoryIndex,
  dir: string,
  declarations: readonly PythonDeclaration[],
): PythonManager {
  const hinted = new Set(declarations.flatMap((declaration) => declaration.managers));
  const locked = ORDER.filter((manager) => index.has(joinRelative(dir, PYTHON_LOCKFILES[manager] ?? '')));
  if (locked.length > 1) {
    const chosen = locked.find((manager) => hinted.has(manager)) ?? (locked[0] as PythonManager);
    const names = locked.map((manager) => PYTHON_LOCKFILES[manager]).join(', ');
    index.warn(dir, `lockfiles of several package managers are committed (${names}); using ${chosen}`);
    return chosen;
  }
  return locked[0] ?? ORDER.find((manager) => hinted.has(manager)) ?? 'pip';
}
