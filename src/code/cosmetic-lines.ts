import type { ChangedFile } from './diff/changed-file.js';
import { parsePatchHunks, type HunkLine } from './diff/parse-patch.js';

/**
 * Why an added line is not new code: the same code re-laid out (a formatter, re-indentation,
 * quotes, trailing commas), or code the pull request removed elsewhere and added here (a move).
 */
export type CosmeticKind = 'formatting' | 'moved';

/** Added lines that are not new code, per file path, by head line number. */
export type CosmeticLines = ReadonlyMap<string, ReadonlyMap<number, CosmeticKind>>;

/**
 * Code with its layout taken out: whitespace, the kind of quotes, semicolons, and the commas
 * formatters add before a closing bracket. Two texts that are equal here differ only in layout.
 */
export function layoutFree(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/['`]/g, '"')
    .replace(/;/g, '')
    .replace(/,(?=[)\]}])/g, '');
}

/** Lines too short to say anything about where they came from (`}`, `end`, `)`): never counted as moved. */
const MIN_MOVED_LENGTH = 6;

/** Removed and added lines between unchanged ones, and whether they are the same code laid out anew. */
interface Edit {
  removed: string[];
  added: { line: number; text: string }[];
  reformatted: boolean;
}

/** Runs of removed and added lines between unchanged ones: each is one edit. */
function editsOf(lines: readonly HunkLine[]): Edit[] {
  const edits: Edit[] = [];
  let current: Edit | undefined;
  for (const line of lines) {
    if (line.kind === 'context') {
      current = undefined;
      continue;
    }
    if (!current) {
      current = { removed: [], added: [], reformatted: false };
      edits.push(current);
    }
    if (line.kind === 'del') current.removed.push(line.text);
    else current.added.push({ line: line.line, text: line.text });
  }
  for (const edit of edits) {
    edit.reformatted =
      edit.removed.length > 0 &&
      edit.added.length > 0 &&
      layoutFree(edit.removed.join('\n')) === layoutFree(edit.added.map((line) => line.text).join('\n'));
  }
  return edits;
}

/**
 * Works out, once for a whole pull request, which added lines only re-lay out or move existing
 * code. An edit whose removed and added lines are the same code once layout is taken out is
 * formatting; an added line equal (layout aside) to a line removed anywhere in the pull request
 * is moved, each removed line accounting for one added line. Files are taken in path order so
 * the answer does not depend on who asks first.
 */
export function findCosmeticLines(changes: readonly ChangedFile[]): CosmeticLines {
  const ordered = [...changes].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const editsByFile = ordered.map((change) => ({
    path: change.path,
    edits: parsePatchHunks(change.patch).flatMap((hunk) => editsOf(hunk.lines)),
  }));
  const removedAnywhere = new Map<string, number>();
  for (const { edits } of editsByFile) {
    for (const edit of edits) {
      if (edit.reformatted) continue;
      for (const text of edit.removed) {
        const key = layoutFree(text);
        if (key.length >= MIN_MOVED_LENGTH) removedAnywhere.set(key, (removedAnywhere.get(key) ?? 0) + 1);
      }
    }
  }
  const found = new Map<string, Map<number, CosmeticKind>>();
  for (const { path, edits } of editsByFile) {
    const lines = new Map<number, CosmeticKind>();
    for (const edit of edits) {
      for (const added of edit.added) {
        if (edit.reformatted) {
          lines.set(added.line, 'formatting');
          continue;
        }
        const key = layoutFree(added.text);
        const left = removedAnywhere.get(key) ?? 0;
        if (key.length < MIN_MOVED_LENGTH || left === 0) continue;
        removedAnywhere.set(key, left - 1);
        lines.set(added.line, 'moved');
      }
    }
    if (lines.size > 0) found.set(path, lines);
  }
  return found;
}
