import { firstStringWithin, unescapeString, type SourceView } from './source-view.js';

/** One top-level argument of a call: its trimmed offsets in the view's text. */
export interface CallArgument {
  start: number;
  end: number;
}

export interface CallArguments {
  arguments: CallArgument[];
  /** Offset of the closing bracket. */
  close: number;
}

const OPENERS = '([{';
const CLOSERS = ')]}';
// A call that does not close within this many characters is broken code (or a partial hunk); give up on it.
const SEARCH_LIMIT = 200_000;

/** Offset of the bracket closing the one at `open`, or -1. Reads the masked text, so brackets in strings and comments do not count. */
export function findClosingBracket(view: SourceView, open: number): number {
  let depth = 0;
  const limit = Math.min(view.masked.length, open + SEARCH_LIMIT);
  for (let i = open; i < limit; i++) {
    const char = view.masked[i] ?? '';
    if (OPENERS.includes(char)) depth++;
    else if (CLOSERS.includes(char)) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function trimmed(view: SourceView, start: number, end: number): CallArgument {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(view.masked[from] ?? '')) from++;
  while (to > from && /\s/.test(view.masked[to - 1] ?? '')) to--;
  return { start: from, end: to };
}

/** Splits the bracketed list opening at `open` into its top-level, comma-separated arguments. */
export function readCallArguments(view: SourceView, open: number): CallArguments | undefined {
  const close = findClosingBracket(view, open);
  if (close === -1) return undefined;
  const found: CallArgument[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open + 1; i < close; i++) {
    const char = view.masked[i] ?? '';
    if (OPENERS.includes(char)) depth++;
    else if (CLOSERS.includes(char)) depth--;
    else if (char === ',' && depth === 0) {
      found.push(trimmed(view, start, i));
      start = i + 1;
    }
  }
  const last = trimmed(view, start, close);
  if (last.end > last.start) found.push(last);
  return { arguments: found, close };
}

/** The masked source of an argument (code only, string contents blank). */
export function argumentCode(view: SourceView, argument: CallArgument): string {
  return view.masked.slice(argument.start, argument.end);
}

/** The original source of an argument. */
export function argumentText(view: SourceView, argument: CallArgument): string {
  return view.text.slice(argument.start, argument.end);
}

/**
 * The value of an argument that is a single string literal, allowing a prefix (`r'…'`,
 * `f"…"`, `@"…"`, `$"…"`, `~S"…"`) and an Elixir/Ruby-style `key: ` or Python-style
 * `key=` already stripped by the caller. Undefined for anything else (a variable, a concatenation).
 */
export function stringArgument(view: SourceView, argument: CallArgument | undefined): string | undefined {
  if (!argument) return undefined;
  const span = firstStringWithin(view, argument.start, argument.end);
  if (!span) return undefined;
  const before = view.masked.slice(argument.start, span.start - 1);
  const after = view.masked.slice(span.end + 1, argument.end);
  if (!/^[A-Za-z~@$#]{0,3}$/.test(before.trim()) || !/^#*$/.test(after.trim())) return undefined;
  return unescapeString(view.text.slice(span.start, span.end));
}

const KEYWORD_PATTERNS = new Map<string, RegExp>();

function keywordPattern(keyword: string): RegExp {
  let pattern = KEYWORD_PATTERNS.get(keyword);
  if (!pattern) {
    pattern = new RegExp(`^(?:${keyword}|(['"])\\s*\\1)\\s*(?:=>|=|:)\\s*`);
    KEYWORD_PATTERNS.set(keyword, pattern);
  }
  return pattern;
}

/**
 * The argument passed by keyword (`prefix="/v1"`, `only: [...]`, `method = ...`,
 * `'prefix' => 'api'`), with the keyword and its separator cut off.
 */
export function keywordArgument(
  view: SourceView,
  found: CallArgument[],
  keyword: string,
): CallArgument | undefined {
  if (found.length === 0) return undefined;
  const pattern = keywordPattern(keyword);
  for (const argument of found) {
    const code = argumentCode(view, argument);
    const match = pattern.exec(code);
    if (!match) continue;
    // A quoted key (PHP arrays) is blank in the masked text: check the real one.
    if (match[1] !== undefined && !new RegExp(`^['"]${keyword}['"]`).test(argumentText(view, argument)))
      continue;
    return { start: argument.start + match[0].length, end: argument.end };
  }
  return undefined;
}

/** Arguments that are not passed by keyword, in order. */
export function positionalArguments(view: SourceView, found: CallArgument[]): CallArgument[] {
  return found.filter(
    (argument) => !/^\w+\s*=(?!=)|^\w+:\s|^(['"])\s*\1\s*=>/.test(argumentCode(view, argument)),
  );
}
