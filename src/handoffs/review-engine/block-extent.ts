import type { DiffLine } from '../../code/diff/changed-file.js';
import type { Span } from '../../code/view/code-view.js';
import type { ReviewedFile } from './reviewed-file.js';

/** The outermost function or loop that starts on `line`, as the syntax tree has it. */
export function spanStartingAt(file: ReviewedFile, line: number, kind?: Span['kind']): Span | undefined {
  return file
    .view()
    ?.spans.find((span) => span.startLine === line && (kind === undefined || span.kind === kind));
}

/**
 * The added lines inside the function or loop that starts on `line` (the header excluded), and
 * whether its end is among the lines the diff shows.
 */
export function addedLinesOfSpan(file: ReviewedFile, span: Span): { lines: DiffLine[]; closed: boolean } {
  const lines = file.added.filter((added) => added.line > span.startLine && added.line <= span.endLine);
  const closed = file.change.status === 'added' || file.added.some((added) => added.line === span.endLine);
  return { lines, closed };
}
