import path from 'node:path';
import { readGoMod } from '../../../discovery/detectors/go/read-go-mod.js';

/** A Go module of the repository: its folder and the import path go.mod gives it. */
interface GoModuleRoot {
  dir: string;
  path: string;
}

/** Past this many folders up, a file has no go.mod of its own. */
const MAX_DEPTH = 32;

/**
 * Turns import paths into the repository's folders, through the `module` line of the go.mod
 * that holds the importing file. Module lookups are remembered per folder.
 */
export interface GoModules {
  /** The repository folder of an import path as seen from `file`, or undefined for a package outside the module. */
  folderOf(importPath: string, file: string): string | undefined;
  /** The import path of the package in `folder`, or undefined when no go.mod holds it. */
  importPathOf(folder: string): string | undefined;
}

/** Module lookups for one project side, reading go.mod files with `read`. */
export function createGoModules(read: (path: string) => string | undefined): GoModules {
  const byFolder = new Map<string, GoModuleRoot | undefined>();
  const moduleOf = (folder: string, depth = 0): GoModuleRoot | undefined => {
    if (byFolder.has(folder)) return byFolder.get(folder);
    const text = read(folder === '.' ? 'go.mod' : `${folder}/go.mod`);
    const declared = text === undefined ? undefined : readGoMod(text).module;
    let found: GoModuleRoot | undefined;
    if (declared !== undefined) found = { dir: folder, path: declared };
    else if (folder !== '.' && depth < MAX_DEPTH) found = moduleOf(path.posix.dirname(folder), depth + 1);
    byFolder.set(folder, found);
    return found;
  };
  return {
    folderOf(importPath, file) {
      const root = moduleOf(path.posix.dirname(file));
      if (!root || !(importPath === root.path || importPath.startsWith(`${root.path}/`))) return undefined;
      const rest = importPath.slice(root.path.length + 1);
      return path.posix.normalize(path.posix.join(root.dir, rest || '.'));
    },
    importPathOf(folder) {
      const root = moduleOf(folder);
      if (!root) return undefined;
      const rest = path.posix.relative(root.dir === '.' ? '' : root.dir, folder === '.' ? '' : folder);
      return rest === '' ? root.path : `${root.path}/${rest}`;
    },
  };
}
