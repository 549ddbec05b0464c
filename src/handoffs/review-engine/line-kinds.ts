import type { DiffLine } from '../../code/diff/changed-file.js';
import type { ReviewedFile } from './reviewed-file.js';

/** True for an added line that is only a comment (or a docstring), as the file's syntax tree says. */
export function isCommentLine(file: ReviewedFile, line: DiffLine): boolean {
  return file.view()?.line(line.line)?.commentOnly ?? false;
}

/** An added line with string contents and comments blanked, so code patterns do not match text. */
export function codeOf(file: ReviewedFile, line: DiffLine): string {
  return file.view()?.line(line.line)?.code ?? line.text;
}

/** The number of leading spaces, counting a tab as four. */
export function indentOf(text: string): number {
  let width = 0;
  for (const character of text) {
    if (character === ' ') width += 1;
    else if (character === '\t') width += 4;
    else break;
  }
  return width;
}
