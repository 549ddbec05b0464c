import parseDiff from 'parse-diff';
import type { DiffLine } from './changed-file.js';
import { createBoundedMemo } from '../bounded-memo.js';

export interface PatchLines {
  /** Added lines, numbered in the new file. */
  added: DiffLine[];
  /** Removed lines, numbered in the old file. */
  removed: DiffLine[];
  /** Unchanged lines shown around the changes, numbered in both files. */
  context?: ContextLine[];
}

/** An unchanged line of a hunk: `line` in the new file, `oldLine` in the old one. */
export interface ContextLine extends DiffLine {
  oldLine: number;
}

/** One line of a hunk, in order: added (new-file number), removed (old-file number) or context (both). */
export type HunkLine =
  | { kind: 'add'; line: number; text: string }
  | { kind: 'del'; oldLine: number; text: string }
  | { kind: 'context'; line: number; oldLine: number; text: string };

/** A hunk: its `@@ … @@` header and its lines. */
export interface PatchHunk {
  header: string;
  lines: HunkLine[];
}

/** Patches read lately: change analysis, the reviews and the cosmetic-line finder read the same ones. */
const recentHunks = createBoundedMemo<readonly PatchHunk[]>(5000);

/**
 * The hunks of one file's unified diff (GitHub's `patch`, no file header), each line with
 * its number. The only reader of patches: everything else takes these or `parsePatch`'s lines.
 * The hunks are shared between callers: read them, never change them.
 */
export function parsePatchHunks(patch: string | undefined): readonly PatchHunk[] {
  if (!patch) return [];
  return recentHunks.of(patch, readHunks);
}

function readHunks(patch: string): PatchHunk[] {
  return parseDiff(patch).flatMap((file) => hunksOfChunks(file.chunks));
}

/** The hunks of parse-diff's chunks, each line with its number. */
export function hunksOfChunks(chunks: readonly parseDiff.Chunk[]): PatchHunk[] {
  const hunks: PatchHunk[] = [];
  for (const chunk of chunks) {
    const lines: HunkLine[] = [];
    for (const change of chunk.changes) {
      // parse-diff reports git's "\ No newline at end of file" marker as a change; it is not a line.
      if (change.content.startsWith('\\')) continue;
      const text = change.content.slice(1);
      if (change.type === 'add') lines.push({ kind: 'add', line: change.ln, text });
      else if (change.type === 'del') lines.push({ kind: 'del', oldLine: change.ln, text });
      else lines.push({ kind: 'context', line: change.ln2, oldLine: change.ln1, text });
    }
    hunks.push({ header: chunk.content, lines });
  }
  return hunks;
}

/** Remembers the hunks of a patch read as part of a whole diff, so the patch is not read again. */
export function rememberHunks(patch: string, hunks: readonly PatchHunk[]): void {
  recentHunks.set(patch, hunks);
}

/**
 * Splits one file's unified-diff hunks (GitHub's `patch`, no file header) into
 * added and removed lines with their line numbers.
 */
export function parsePatch(patch: string | undefined): PatchLines {
  const result: PatchLines = { added: [], removed: [], context: [] };
  for (const hunk of parsePatchHunks(patch)) {
    for (const line of hunk.lines) {
      if (line.kind === 'add') result.added.push({ line: line.line, text: line.text });
      else if (line.kind === 'del') result.removed.push({ line: line.oldLine, text: line.text });
      else result.context?.push({ line: line.line, oldLine: line.oldLine, text: line.text });
    }
  }
  return result;
}
