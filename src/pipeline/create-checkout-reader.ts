import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** Files larger than this are not read: analysis wants source, not data dumps. */
const MAX_BYTES = 1024 * 1024;

/**
 * Opens the last component without following a symlink (it fails instead), and without
 * waiting on a named pipe. Undefined where the platform has no such flag (Windows).
 */
const NO_FOLLOW =
  constants.O_NOFOLLOW === undefined
    ? undefined
    : constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/**
 * Reads files of the checked-out head, by repository-relative path. Paths come from the
 * PR's diff, so a path (or a symlink in the PR) that leads outside the checkout is refused.
 * Each file is read once: discovery, change analysis and every reviewer ask for the same files,
 * and the analysis never writes to the checkout.
 */
export function createCheckoutReader(root: string): (file: string) => string | undefined {
  const realRoot = realpathSync(root);
  const folderOf = createFolderResolver(realRoot);
  const known = new Map<string, string | undefined>();
  return (file) => {
    if (known.has(file)) return known.get(file);
    const text = readInside(realRoot, folderOf, file);
    known.set(file, text);
    return text;
  };
}

function isInside(realRoot: string, resolved: string): boolean {
  return resolved === realRoot || resolved.startsWith(realRoot + path.sep);
}

/**
 * The real folder of a repository-relative folder, when it is inside the checkout: each folder
 * is checked once (a symlinked folder is followed and must stay inside), so reading thousands of
 * files does not resolve every component of every path again.
 */
function createFolderResolver(realRoot: string): (folder: string) => string | undefined {
  const folders = new Map<string, string | undefined>([['.', realRoot]]);
  const resolve = (folder: string): string | undefined => {
    if (folders.has(folder)) return folders.get(folder);
    let real: string | undefined;
    const parent = resolve(path.posix.dirname(folder));
    if (parent !== undefined) {
      const candidate = path.join(parent, path.posix.basename(folder));
      try {
        const stat = lstatSync(candidate);
        if (stat.isSymbolicLink()) {
          const target = realpathSync.native(candidate);
          if (isInside(realRoot, target)) real = target;
        } else if (stat.isDirectory()) real = candidate;
      } catch {
        real = undefined;
      }
    }
    folders.set(folder, real);
    return real;
  };
  return resolve;
}

function readInside(
  realRoot: string,
  folderOf: (folder: string) => string | undefined,
  file: string,
): string | undefined {
  const normal = path.posix.normalize(path.sep === '\\' ? file.replace(/\\/g, '/') : file);
  if (normal === '..' || normal.startsWith('../') || path.posix.isAbsolute(normal)) return undefined;
  const folder = folderOf(path.posix.dirname(normal));
  if (folder === undefined) return undefined;
  const target = path.join(folder, path.posix.basename(normal));
  if (NO_FOLLOW === undefined) return readResolved(realRoot, target);
  let descriptor: number;
  try {
    descriptor = openSync(target, NO_FOLLOW);
  } catch (error) {
    // The file itself is a symlink: follow it, and read it only when it stays inside.
    return (error as NodeJS.ErrnoException).code === 'ELOOP' ? readResolved(realRoot, target) : undefined;
  }
  return readOpened(descriptor);
}

/** The text of an opened file when it is a regular file of at most MAX_BYTES; closes it either way. */
function readOpened(descriptor: number): string | undefined {
  try {
    const stat = fstatSync(descriptor);
    return stat.isFile() && stat.size <= MAX_BYTES ? readFileSync(descriptor, 'utf8') : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(descriptor);
  }
}

/** Reads `target` after resolving every link on the way: undefined when it leads outside the checkout. */
function readResolved(realRoot: string, target: string): string | undefined {
  try {
    const resolved = realpathSync.native(target);
    if (!isInside(realRoot, resolved)) return undefined;
    return readOpened(openSync(resolved, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)));
  } catch {
    return undefined;
  }
}
