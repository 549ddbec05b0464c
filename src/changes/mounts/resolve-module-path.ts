import { posix } from 'node:path';

const JAVASCRIPT_EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];

/** A repository-relative path, or undefined when `..` leads out of the repository. */
function normalizedPath(path: string): string | undefined {
  const normal = posix.normalize(path);
  return normal.startsWith('../') || normal === '..' || posix.isAbsolute(normal) ? undefined : normal;
}

function javascriptCandidates(base: string): string[] {
  // TypeScript's ESM style imports `./routes.js` for the file `routes.ts`.
  const withoutExtension = base.replace(/\.([cm]?)js$/, '');
  return [
    base,
    ...JAVASCRIPT_EXTENSIONS.map((extension) => withoutExtension + extension),
    ...JAVASCRIPT_EXTENSIONS.map((extension) => `${base}/index${extension}`),
  ];
}

/**
 * The file a JavaScript or TypeScript import names: relative paths with or without an
 * extension, folders with an index file, and the common `@/` and `~/` aliases for the
 * project's `src/`. Packages resolve to nothing: their routes are not the project's.
 */
export function resolveJavascriptModule(
  specifier: string,
  fromFile: string,
  project: string,
  exists: (path: string) => boolean,
): string | undefined {
  const bases: string[] = [];
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..')
    bases.push(posix.join(posix.dirname(fromFile), specifier));
  else if (/^[@~]\//.test(specifier))
    bases.push(posix.join(project, 'src', specifier.slice(2)), posix.join(project, specifier.slice(2)));
  else if (specifier.startsWith('src/')) bases.push(posix.join(project, specifier));
  for (const base of bases) {
    const normal = normalizedPath(base);
    const found = normal === undefined ? undefined : javascriptCandidates(normal).find(exists);
    if (found) return found;
  }
  return undefined;
}

/** Folders an absolute Python import can start from: the importing file's folder and each one above it, then the project's `src/`. */
function pythonRoots(fromFile: string, project: string): string[] {
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
 * leading dots, else from the nearest folder that holds it.
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
  } else roots = pythonRoots(fromFile, project);
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
