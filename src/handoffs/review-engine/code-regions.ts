import type { DiffLine } from '../../code/diff/changed-file.js';
// eslint-disable-next-line no-restricted-imports -- the last hand-written reader; it goes when the rules read syntax trees.
import { maskSource, type CodeSyntax } from '../../changes/source/mask-source.js';
import type { ReviewContext } from '../review-context.js';
import type { CodeLanguage } from '../../code/language.js';
import type { ReviewedFile } from './reviewed-file.js';

/** What a character of source is part of. */
export type RegionKind = 'code' | 'string' | 'comment';

/** One added line, told apart into code, string contents and comments. */
export interface LineRegions {
  text: string;
  /** The line with string contents and comments blanked (quotes kept): code patterns match this. */
  code: string;
  /** What the character at `index` belongs to. */
  kindAt(index: number): RegionKind;
}

const SYNTAX: Readonly<Record<CodeLanguage, CodeSyntax>> = {
  javascript: 'javascript',
  typescript: 'javascript',
  python: 'python',
  go: 'go',
  java: 'java',
  kotlin: 'java',
  ruby: 'ruby',
  php: 'php',
  csharp: 'csharp',
  rust: 'rust',
  elixir: 'elixir',
};

const KIND_CODES: Readonly<Record<string, RegionKind>> = { c: 'code', s: 'string', m: 'comment' };

/**
 * The lines to mask: the whole head file when it is known and agrees with the diff (a docstring or block
 * comment may open above the hunk), otherwise the added lines alone.
 */
function sourceLines(file: ReviewedFile, context: ReviewContext): DiffLine[] {
  if (file.change.status === 'added') return file.added;
  const text = context.readFile?.(file.path);
  if (text === undefined) return file.added;
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  const agrees = file.added.every((line) => lines[line.line - 1] === line.text);
  return agrees ? lines.map((line, index) => ({ line: index + 1, text: line })) : file.added;
}

/** One character per character of `text`: `c` code, `s` inside a string literal, `m` inside a comment. */
function kindCodes(text: string, syntax: CodeSyntax): { masked: string; kinds: string[] } {
  const { masked, strings } = maskSource(text, syntax);
  const kinds: string[] = Array.from(text, (character, index) =>
    character !== masked[index] ? 'm' : character === '\n' ? '\n' : 'c',
  );
  for (const span of strings) {
    for (let index = span.start; index < span.end; index += 1) {
      if (kinds[index] !== '\n') kinds[index] = 's';
    }
  }
  return { masked, kinds };
}

function classify(
  file: ReviewedFile,
  context: ReviewContext,
  language: CodeLanguage,
): Map<number, LineRegions> {
  const lines = sourceLines(file, context);
  const text = lines.map((line) => line.text).join('\n');
  const { masked, kinds } = kindCodes(text, SYNTAX[language]);
  const byLine = new Map<number, LineRegions>();
  let offset = 0;
  for (const line of lines) {
    const start = offset;
    const end = start + line.text.length;
    offset = end + 1;
    const lineKinds = kinds.slice(start, end);
    // Blanked characters that are spaces anyway are ambiguous; the kind codes say where strings are.
    const code = Array.from(line.text, (character, index) =>
      lineKinds[index] === 'c' ? (masked[start + index] ?? character) : ' ',
    ).join('');
    byLine.set(line.line, {
      text: line.text,
      code,
      kindAt: (index) => KIND_CODES[lineKinds[index] ?? 'c'] ?? 'code',
    });
  }
  return byLine;
}

const CACHE = new WeakMap<ReviewedFile, Map<number, LineRegions>>();

/**
 * The added lines of a code file split into code, strings and comments, by line number, so that rules
 * about code do not fire on text inside a string, a comment or a Python docstring. Null for files in no
 * language the rules know.
 */
export function addedLineRegions(
  file: ReviewedFile,
  context: ReviewContext = {},
): Map<number, LineRegions> | null {
  if (!file.language) return null;
  let regions = CACHE.get(file);
  if (!regions) {
    regions = classify(file, context, file.language);
    CACHE.set(file, regions);
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
      regions.kindAt(first - 1) === 'code' &&
      /['"`]/.test(regions.text[first - 1] ?? '');
    if (options.quotedStart && opensString) return true;
  }
  return false;
}
