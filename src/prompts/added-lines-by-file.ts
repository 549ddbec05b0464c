import type { ChangedFile } from '../code/diff/changed-file.js';
import { parsePatch } from '../code/diff/parse-patch.js';

/** The added line numbers of each file, the only lines a model finding may point at. */
export function addedLinesByFile(files: readonly ChangedFile[]): Map<string, Set<number>> {
  const result = new Map<string, Set<number>>();
  for (const file of files) {
    result.set(file.path, new Set(parsePatch(file.patch).added.map((added) => added.line)));
  }
  return result;
}
