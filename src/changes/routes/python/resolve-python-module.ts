import { posix } from 'node:path';

/** A repository-relative path, or undefined when `..` leads out of the repository. */
function normalizedPath(path: string): string | undefined {
  const normal = posix.normalize(path);
  return normal.startsWith('../') || normal === '..' || posix.isAbsolute(normal) ? undefined : normal;
}

/** Folders an absolute import can start from: the importing file's folder and each one above it, then the project's `src/`. */
function importRoots(fromFile: string, project: string): string[] {
  const roots: string[] = [];
  for (let folder = posix.dirname(fromFile); ; folder = posix.dirname(folder)) {
    roots.push(folder);
    if (folder === '.' || folder === '/') break;
  }
  roots.push(posix.join(project, 'src'));
  return roots;
}

/**
 * The file of a Python module, written as in an import (`app.api.orders`, `.routes`,
 * `..api`): `<module>.py` or `<module>/__init__.py`, relative to the importing file for
 * leading dots, else from the nearest folder that holds it. Packages installed from an
 * index resolve to nothing: their routes are not the project's.
 */
export function resolvePythonModule(
  module: string,
  fromFile: string,
  project: string,
  exists: (path: string) => boolean,
): string | undefined {
  const dots = /^\.*/.exec(module)?.[0].length ?? 0;
  const rest = module.slice(dots).split('.').filter(Boolean).join('/');
  let roots: string[];
  if (dots > 0) {
    let folder = posix.dirname(fromFile);
    for (let level = 1; level < dots; level++) folder = posix.dirname(folder);
    roots = [folder];
  } else roots = importRoots(fromFile, project);
  for (const root of roots) {
    const base = posix.join(root, rest);
    const candidates = rest === '' ? [`${base}/__init__.py`] : [`${base}.py`, `${base}/__init__.py`];
    for (const candidate of candidates) {
      const normal = normalizedPath(candidate);
      if (normal !== undefined && exists(normal)) return normal;
    }
  }
  return undefined;
}

/** The module `name` is inside `module`, as an import would write it: `.views` in `.`, `app.api.users` in `app.api`. */
export function submodule(module: string, name: string): string {
  return module.endsWith('.') ? `${module}${name}` : `${module}.${name}`;
}
