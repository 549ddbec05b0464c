import type { LineView } from '../../code/view/code-view.js';
import type { ReviewedFile } from './reviewed-file.js';

/** One added line, told apart into code, string contents and comments (see `LineView`). */
export type LineRegions = LineView;

/**
 * The added lines of a code file split into code, strings and comments, by line number, so that rules
 * about code do not fire on text inside a string, a comment or a Python docstring. Null for files in no
 * language the rules know.
 */
export function addedLineRegions(file: ReviewedFile): Map<number, LineRegions> | null {
  const view = file.view();
  if (!file.language || !view) return null;
  const regions = new Map<number, LineRegions>();
  for (const line of file.added) {
    const found = view.line(line.line);
    if (found) regions.set(line.line, found);
  }
  return regions;
}

/** Options for `matchesInCode`. */
export interface CodeMatchOptions {
  /** A match may also start at the first character of a string literal (`'NODE_TLS_…': '0'`, `"alg": "none"`). */
  quotedStart?: boolean;
}

/** True when `pattern` matches `regions.text` at a place that is code (its first non-blank character). */
export function matchesInCode(
  pattern: RegExp,
  regions: LineRegions,
  options: CodeMatchOptions = {},
): boolean {
  const global = new RegExp(
    pattern.source,
    pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
  );
  for (const match of regions.text.matchAll(global)) {
    const first = match.index + (match[0].length - match[0].trimStart().length);
    const kind = regions.kindAt(first);
    if (kind === 'code') return true;
    const opensString =
      kind === 'string' &&
      /['"`]/.test(regions.text[first - 1] ?? '') &&
      regions.kindAt(first - 1) === 'code';
    if (options.quotedStart && opensString) return true;
  }
  return false;
}
