import parseDiff from 'parse-diff';
import type { DiffLine } from './changed-file.js';

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

/**
 * Splits one file's unified-diff hunks (GitHub's `patch`, no file header) into
 * added and removed lines with their line numbers.
 */
export function parsePatch(patch: string | undefined): PatchLines {
  const result: PatchLines = { added: [], removed: [], context: [] };
  if (!patch) return result;
  for (const file of parseDiff(patch)) {
    for (const chunk of file.chunks) {
      for (const change of chunk.changes) {
        // parse-diff reports git's "\ No newline at end of file" marker as a change; it is not a line.
        if (change.content.startsWith('\\')) continue;
        if (change.type === 'add') result.added.push({ line: change.ln, text: change.content.slice(1) });
        else if (change.type === 'del')
          result.removed.push({ line: change.ln, text: change.content.slice(1) });
        else result.context?.push({ line: change.ln2, oldLine: change.ln1, text: change.content.slice(1) });
      }
    }
  }
  return result;
}
