import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { Minimatch } from 'minimatch';
import type { DiscoveryWarning } from '../project.js';
import { joinRelative } from '../repository-index.js';
import { isEnvironmentDirectory, isMarkerDirectory, isSkippedDirectory } from './skipped-directories.js';

export interface WalkOptions {
  /** Minimatch globs, relative to the root, of paths to leave out (the config's `ignore`). */
  ignore: readonly string[];
  /** Whether to keep a file, by name and repository-relative directory. Only kept files are recorded. */
  keepFile: (name: string, dir: string) => boolean;
  /** Whether to leave out a directory, by name and repository-relative path (test fixtures, examples, docs). */
  skipDirectory?: (name: string, dir: string) => boolean;
}

export interface WalkResult {
  /** Absolute, symlink-free root. */
  root: string;
  /** Kept file names by repository-relative directory (`.` for the root). */
  filesByDir: Map<string, Set<string>>;
  /** Repository-relative directories whose names tell what a project holds (sources, tests): see `isMarkerDirectory`. */
  markerDirs: Set<string>;
  warnings: DiscoveryWarning[];
}

interface GitignoreRule {
  base: string;
  rules: Ignore;
}

interface PendingDirectory {
  dir: string;
  gitignores: readonly GitignoreRule[];
}

/** Directory reads in flight at once: enough to keep libuv's thread pool busy. */
const PARALLEL_READS = 48;

/**
 * Crawls the repository once, keeping only the files discovery reads. Leaves out
 * dependency, build and tool directories, virtual environments, what `.gitignore` files
 * and the `ignore` globs exclude. Symlinks to directories are never followed (so loops
 * and links out of the root cannot trap the walk); symlinks to files are kept only when
 * they resolve inside the root.
 */
export async function walkRepository(root: string, options: WalkOptions): Promise<WalkResult> {
  const realRoot = await realpath(root);
  const result: WalkResult = { root: realRoot, filesByDir: new Map(), markerDirs: new Set(), warnings: [] };
  const globs = options.ignore.map((glob) => new Minimatch(glob.replace(/^\.\//, ''), { dot: true }));
  const isIgnoredByConfig = (rel: string, isDir: boolean): boolean =>
    globs.some((glob) => glob.match(rel) || (isDir && glob.match(`${rel}/`)));
  const visit = (pending: PendingDirectory): Promise<PendingDirectory[]> =>
    visitDirectory(pending, { result, options, isIgnoredByConfig });
  await drain([{ dir: '.', gitignores: [] }], visit);
  return result;
}

interface WalkState {
  result: WalkResult;
  options: WalkOptions;
  isIgnoredByConfig: (rel: string, isDir: boolean) => boolean;
}

async function visitDirectory(pending: PendingDirectory, state: WalkState): Promise<PendingDirectory[]> {
  const { dir } = pending;
  const absolute = dir === '.' ? state.result.root : path.join(state.result.root, dir);
  let entries: Dirent[];
  try {
    entries = await readdir(absolute, { withFileTypes: true });
  } catch (error) {
    state.result.warnings.push({ file: dir, message: `directory not read: ${(error as Error).message}` });
    return [];
  }
  const names = new Set(entries.map((entry) => entry.name));
  if (dir !== '.' && isEnvironmentDirectory(names)) return [];
  const gitignores = names.has('.gitignore')
    ? [...pending.gitignores, ...(await readGitignore(absolute, dir))]
    : pending.gitignores;
  const isExcluded = (rel: string, isDir: boolean): boolean =>
    isGitignored(gitignores, rel, isDir) || state.isIgnoredByConfig(rel, isDir);
  const children: PendingDirectory[] = [];
  const links: Array<Promise<void>> = [];
  for (const entry of entries) {
    const rel = joinRelative(dir, entry.name);
    if (entry.isDirectory()) {
      const skipped =
        isSkippedDirectory(entry.name, dir, names) ||
        (state.options.skipDirectory?.(entry.name, rel) ?? false);
      if (!skipped && !isExcluded(rel, true)) {
        children.push({ dir: rel, gitignores });
        if (isMarkerDirectory(entry.name, dir)) state.result.markerDirs.add(rel);
      }
    } else if (state.options.keepFile(entry.name, dir) && !isExcluded(rel, false)) {
      if (entry.isFile()) recordFile(state.result, dir, entry.name);
      else if (entry.isSymbolicLink()) links.push(keepLinkedFile(state.result, dir, entry.name));
    }
  }
  await Promise.all(links);
  return children;
}

function recordFile(result: WalkResult, dir: string, name: string): void {
  let names = result.filesByDir.get(dir);
  if (!names) {
    names = new Set();
    result.filesByDir.set(dir, names);
  }
  names.add(name);
}

/** Keeps a symlinked file only when it resolves to a regular file inside the root; loops and dangling links are left out. */
async function keepLinkedFile(result: WalkResult, dir: string, name: string): Promise<void> {
  const absolute = path.join(result.root, dir, name);
  try {
    const target = await realpath(absolute);
    const inside = target.startsWith(result.root + path.sep);
    if (inside && (await stat(target)).isFile()) recordFile(result, dir, name);
  } catch {
    // ELOOP or ENOENT: a looping or dangling link names no file to read.
  }
}

async function readGitignore(absoluteDir: string, dir: string): Promise<GitignoreRule[]> {
  try {
    const text = await readFile(path.join(absoluteDir, '.gitignore'), 'utf8');
    return [{ base: dir, rules: ignore().add(text) }];
  } catch {
    return [];
  }
}

function isGitignored(gitignores: readonly GitignoreRule[], rel: string, isDir: boolean): boolean {
  for (const { base, rules } of gitignores) {
    const local = base === '.' ? rel : rel.slice(base.length + 1);
    if (rules.ignores(isDir ? `${local}/` : local)) return true;
  }
  return false;
}

/** Visits directories with bounded parallelism until none are left. */
function drain(
  start: PendingDirectory[],
  visit: (pending: PendingDirectory) => Promise<PendingDirectory[]>,
): Promise<void> {
  const queue = [...start];
  let active = 0;
  return new Promise((resolve) => {
    const pump = (): void => {
      while (active < PARALLEL_READS && queue.length > 0) {
        const next = queue.pop() as PendingDirectory;
        active++;
        // visit() reports its own failures as warnings; an unexpected one must not stall the walk.
        void visit(next)
          .catch((): PendingDirectory[] => [])
          .then((children) => {
            active--;
            for (const child of children) queue.push(child);
            if (active === 0 && queue.length === 0) resolve();
            else pump();
          });
      }
    };
    pump();
    if (queue.length === 0 && active === 0) resolve();
  });
}
