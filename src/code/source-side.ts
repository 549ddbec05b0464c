import type { ChangedFile } from './diff/changed-file.js';
import type { FileChange } from './file-change.js';
import { textOfLines } from './side-text.js';

/** Which commit of a pull request a side is. */
export type SideName = 'base' | 'head';

/** One side of a pull request (its base or its head commit) as files to read. */
export interface SourceSide {
  readonly name: SideName;
  /** Every file of the side (repository-relative); only the changed files when the side is known through the diff alone. */
  list(): readonly string[];
  /** A file's text; undefined when it is not on this side or cannot be read. */
  read(path: string): string | undefined;
  /** True when the side has the file (whether or not it can be read). */
  has(path: string): boolean;
  /** False when the side is known only through the diff: its files are hunks with blank lines between them, and the rest of the repository is unknown. */
  readonly complete: boolean;
}

/**
 * The checkout at the PR's head: every file it lists, read from disk. A changed file is read
 * through its diff, which checks the checkout against the patch: a checkout at another
 * commit gives the hunks alone rather than a text the PR does not have.
 */
export function createCheckoutSide(
  listFiles: () => string[],
  readFile: (path: string) => string | undefined,
  changes: readonly FileChange[],
): SourceSide {
  const changed = new Map<string, FileChange>();
  for (const change of changes) {
    const path = newPathOf(change.file);
    if (path !== undefined) changed.set(path, change);
  }
  let listed: Set<string> | undefined;
  const has = (path: string): boolean => changed.has(path) || (listed ??= new Set(listFiles())).has(path);
  // Every reader of the analysis asks the same files: the disk is read once per file.
  const texts = new Map<string, string | undefined>();
  const readOnce = (path: string): string | undefined => {
    if (!texts.has(path)) texts.set(path, readFile(path));
    return texts.get(path);
  };
  const read = (path: string): string | undefined => {
    const change = changed.get(path);
    if (!change) return readOnce(path);
    const side = change.newSide();
    // A new file's patch is the whole file: it stands in when the checkout cannot give it.
    return side.complete ? (readOnce(path) ?? textOfLines(side.lines)) : textOfLines(side.lines);
  };
  return { name: 'head', list: listFiles, read, has, complete: true };
}

function oldPathOf(file: ChangedFile): string | undefined {
  if (file.status === 'added' || file.status === 'copied') return undefined;
  return file.previousPath ?? file.path;
}

function newPathOf(file: ChangedFile): string | undefined {
  return file.status === 'removed' ? undefined : file.path;
}

/**
 * The base commit, derived from the head and the diff: every file the PR did not touch is
 * the same on both sides; a changed file's base text is its head text with the patch
 * undone (or the removed file's whole patch). A base file the diff cannot rebuild (no
 * patch) is read through `readBaseFile` when the base commit is at hand, else left out.
 */
export function createBaseSide(
  head: SourceSide,
  changes: readonly FileChange[],
  readBaseFile?: (path: string) => string | undefined,
): SourceSide {
  const byOldPath = new Map<string, FileChange>();
  const changedNewPaths = new Set<string>();
  for (const change of changes) {
    const oldPath = oldPathOf(change.file);
    if (oldPath !== undefined) byOldPath.set(oldPath, change);
    const newPath = newPathOf(change.file);
    if (newPath !== undefined) changedNewPaths.add(newPath);
  }
  let listed: string[] | undefined;
  let listedSet: Set<string> | undefined;
  const list = (): string[] =>
    (listed ??= [
      ...head.list().filter((path) => !changedNewPaths.has(path) || byOldPath.has(path)),
      ...[...byOldPath.keys()].filter((path) => !changedNewPaths.has(path)),
    ].sort());
  const read = (path: string): string | undefined => {
    const change = byOldPath.get(path);
    if (change) {
      const side = change.oldSide();
      if (side.complete) return textOfLines(side.lines);
      // Without a patch nothing of the base is known; with one, its hunks stand for it, as the head's do.
      if (change.file.patch === undefined) return readBaseFile?.(path);
      return readBaseFile?.(path) ?? textOfLines(side.lines);
    }
    return changedNewPaths.has(path) ? undefined : head.read(path);
  };
  const has = (path: string): boolean => (listedSet ??= new Set(list())).has(path);
  return { name: 'base', list, read, has, complete: head.complete };
}

/** The head as the diff alone shows it: the changed files' added and context lines. */
export function createDiffOnlyHeadSide(changes: readonly FileChange[]): SourceSide {
  const byPath = new Map<string, FileChange>();
  for (const change of changes) {
    const path = newPathOf(change.file);
    if (path !== undefined) byPath.set(path, change);
  }
  return {
    name: 'head',
    list: () => [...byPath.keys()].sort(),
    has: (path) => byPath.has(path),
    read: (path) => {
      const change = byPath.get(path);
      return change ? textOfLines(change.newSide().lines) : undefined;
    },
    complete: false,
  };
}
