import type { ChangedFile } from '../../code/diff/changed-file.js';
import { classifyPath } from '../../code/classify-path.js';
import { parsePatch } from '../../code/diff/parse-patch.js';

/** Added or changed lines per file (repository-relative path → line numbers in the head version). */
export type ChangedLines = ReadonlyMap<string, readonly number[]>;

/**
 * The lines a change adds or rewrites in source files (not tests, docs, config or generated
 * code), numbered in the head version: what patch coverage measures. The one place coverage
 * reads the diff model.
 */
export function changedLinesOf(files: readonly ChangedFile[]): ChangedLines {
  const lines = new Map<string, number[]>();
  for (const file of files) {
    if (file.status === 'removed' || file.patch === undefined) continue;
    if (classifyPath(file.path).role !== 'source') continue;
    const added = parsePatch(file.patch).added.map((line) => line.line);
    if (added.length > 0) lines.set(file.path, added);
  }
  return lines;
}
