import type { ChangedFile, DiffLine } from './diff/changed-file.js';
import { parsePatch } from './diff/parse-patch.js';

/** One side of a changed file: its lines in order, and whether they are the whole file. */
export interface FileSide {
  lines: DiffLine[];
  complete: boolean;
}

/** A changed file with its diff read once and both sides built on demand. */
export interface FileChange {
  file: ChangedFile;
  /** Path of the owning project (`.` when none). */
  project: string;
  added: DiffLine[];
  removed: DiffLine[];
  /** The head version: the whole file from the checkout or the patch, otherwise the hunks' added and context lines. */
  newSide: () => FileSide;
  /** The base version: rebuilt from the head file and the patch when possible, otherwise the hunks' removed and context lines. */
  oldSide: () => FileSide;
}

const EMPTY: FileSide = { lines: [], complete: true };

function splitLines(text: string): DiffLine[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line, index) => ({
    line: index + 1,
    text: line.endsWith('\r') ? line.slice(0, -1) : line,
  }));
}

/** True when the checkout's text agrees with the diff's added lines, i.e. it is the PR's head version. */
function matchesAddedLines(lines: DiffLine[], added: DiffLine[]): boolean {
  const step = Math.max(1, Math.floor(added.length / 50));
  for (let i = 0; i < added.length; i += step) {
    const expected = added[i];
    if (expected && lines[expected.line - 1]?.text !== expected.text.replace(/\r$/, '')) return false;
  }
  return true;
}

/** The base version of a file from its head version: drop added lines, put removed ones back. */
function rebuildOldLines(newLines: DiffLine[], added: DiffLine[], removed: DiffLine[]): DiffLine[] {
  const addedLines = new Set(added.map((line) => line.line));
  const kept = newLines.filter((line) => !addedLines.has(line.line));
  const old: DiffLine[] = [];
  let keptIndex = 0;
  let removedIndex = 0;
  while (keptIndex < kept.length || removedIndex < removed.length) {
    const next = removed[removedIndex];
    if (next && next.line === old.length + 1) {
      old.push(next);
      removedIndex++;
    } else {
      const line = kept[keptIndex++];
      if (!line) break;
      old.push({ line: old.length + 1, text: line.text });
    }
  }
  return old;
}

function memoize<T>(compute: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= compute());
}

/** Reads a changed file's diff and prepares both of its sides, reading the head file through `readFile` only when a side is asked for. */
export function createFileChange(
  file: ChangedFile,
  project: string,
  readFile?: (path: string) => string | undefined,
): FileChange {
  const parsed = parsePatch(file.patch);
  const { removed, context = [] } = parsed;
  // GitHub sends no patch for a large new file: every line of the head file is added.
  const wholeNewFile = file.status === 'added' && file.patch === undefined && file.patchOmitted !== 'binary';
  const headText = wholeNewFile ? readFile?.(file.path) : undefined;
  const added = headText === undefined ? parsed.added : splitLines(headText);
  const fullNew = memoize((): DiffLine[] | undefined => {
    if (file.status === 'removed') return undefined;
    const text = readFile?.(file.path);
    if (text !== undefined) {
      const lines = splitLines(text);
      if (matchesAddedLines(lines, added)) return lines;
    }
    // A new file's patch is the whole file.
    return file.status === 'added' && file.patch !== undefined ? added : undefined;
  });
  const newSide = memoize((): FileSide => {
    if (file.status === 'removed') return EMPTY;
    const lines = fullNew();
    if (lines) return { lines, complete: true };
    return { lines: [...context, ...added].sort((a, b) => a.line - b.line), complete: false };
  });
  const oldSide = memoize((): FileSide => {
    if (file.status === 'added') return EMPTY;
    if (file.status === 'removed') return { lines: removed, complete: file.patch !== undefined };
    const lines = fullNew();
    if (lines) return { lines: rebuildOldLines(lines, added, removed), complete: true };
    const oldContext = context.map((line) => ({ line: line.oldLine, text: line.text }));
    return { lines: [...oldContext, ...removed].sort((a, b) => a.line - b.line), complete: false };
  });
  return { file, project, added, removed, newSide, oldSide };
}
