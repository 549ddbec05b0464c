import type { DiffLine } from '../../code/diff/changed-file.js';
import { maskSource, type CodeSyntax, type StringSpan } from './mask-source.js';

/**
 * One side (old or new) of a changed file as text that code patterns can run on: the
 * whole file when it is known, otherwise the lines the diff shows, in order.
 */
export interface SourceView {
  text: string;
  /** `text` with comments and string contents blanked: match code against this. */
  masked: string;
  strings: StringSpan[];
  /** Offset in `text` where each of its lines starts. */
  lineStarts: number[];
  /** The file's line number for each line of `text` (diff hunks leave gaps). */
  lineNumbers: number[];
  /** True when `text` is the whole file, so anything outside the hunks can be trusted. */
  complete: boolean;
}

/** Builds a view from numbered lines (ascending), masking it with the language's rules. */
export function createSourceView(lines: DiffLine[], syntax: CodeSyntax, complete: boolean): SourceView {
  const lineStarts: number[] = [];
  const lineNumbers: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    lineNumbers.push(line.line);
    offset += line.text.length + 1;
  }
  const text = lines.map((line) => line.text).join('\n');
  const { masked, strings } = maskSource(text, syntax);
  return { text, masked, strings, lineStarts, lineNumbers, complete };
}

/** A view of a whole file's text (CRLF or LF line ends), numbered from line 1. */
export function createWholeFileView(text: string, syntax: CodeSyntax): SourceView {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return createSourceView(
    lines.map((line, index) => ({ line: index + 1, text: line.endsWith('\r') ? line.slice(0, -1) : line })),
    syntax,
    true,
  );
}

/** Index into `view.lineStarts` of the line holding `offset`. */
export function lineIndexAt(view: SourceView, offset: number): number {
  let low = 0;
  let high = view.lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((view.lineStarts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The file line number of the line holding `offset`. */
export function lineAt(view: SourceView, offset: number): number {
  return view.lineNumbers[lineIndexAt(view, offset)] ?? 0;
}

/** The string literal whose content starts at or after `from` and before `to`, if any (binary search). */
export function firstStringWithin(view: SourceView, from: number, to: number): StringSpan | undefined {
  let low = 0;
  let high = view.strings.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((view.strings[middle]?.start ?? 0) < from) low = middle + 1;
    else high = middle;
  }
  const span = view.strings[low];
  return span && span.start < to ? span : undefined;
}

/** Every string literal whose content lies within [from, to), values unescaped. */
export function stringsWithin(view: SourceView, from: number, to: number): string[] {
  const values: string[] = [];
  let span = firstStringWithin(view, from, to);
  while (span && span.end <= to) {
    values.push(unescapeString(view.text.slice(span.start, span.end)));
    span = firstStringWithin(view, span.end + 1, to);
  }
  return values;
}

/** Undoes escaped quotes, slashes and backslashes; others stay, since regular-expression routes (`\d`) need them. */
export function unescapeString(raw: string): string {
  return raw.includes('\\') ? raw.replace(/\\([\\'"`/])/g, '$1') : raw;
}
