import { SYNTAX_RULES, type CodeSyntax } from './syntax-rules.js';

export type { CodeSyntax } from './syntax-rules.js';

/** Offsets of one string literal's content, quotes excluded. */
export interface StringSpan {
  start: number;
  end: number;
}

/** Source text with comments and string contents blanked, and where its string literals are. */
export interface MaskedSource {
  /** The text with comments and string contents blanked (newlines kept), so code patterns never match inside them. */
  masked: string;
  /** Every string literal, in order. */
  strings: StringSpan[];
}

const RUST_CHAR = /'(?:\\(?:u\{[0-9a-fA-F]{1,6}\}|x[0-9a-fA-F]{2}|.)|[^\\'\n])'/y;

function endOfQuoted(
  text: string,
  from: number,
  quote: string,
  multiline: boolean,
  escapes: boolean,
): number {
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (escapes && char === '\\') i++;
    else if (char === quote) {
      // C# verbatim strings write a quote as two quotes.
      if (!escapes && quote === '"' && text[i + 1] === '"') i++;
      else return i;
    } else if (char === '\n' && !multiline) return i;
  }
  return text.length;
}

function lineCommentAt(text: string, i: number, syntax: CodeSyntax): boolean {
  for (const marker of SYNTAX_RULES[syntax].lineComments) {
    // PHP 8 attributes (`#[Route(...)]`) start like a comment.
    if (text.startsWith(marker, i) && !(syntax === 'php' && marker === '#' && text[i + 1] === '['))
      return true;
  }
  return false;
}

/** What scanning one construct found: where scanning resumes, and the blank and string spans. */
interface Scanned {
  next: number;
  blank?: [number, number];
  string?: StringSpan;
}

/** A string literal whose content runs from `start` to `stop`, resuming after `after` closing characters. */
function literal(start: number, stop: number, after: number): Scanned {
  return { next: stop + after, blank: [start, stop], string: { start, end: stop } };
}

function scanComment(text: string, i: number, syntax: CodeSyntax): Scanned | undefined {
  if (lineCommentAt(text, i, syntax)) {
    const end = text.indexOf('\n', i);
    const stop = end === -1 ? text.length : end;
    return { next: stop, blank: [i, stop] };
  }
  if (SYNTAX_RULES[syntax].blockComments && text[i] === '/' && text[i + 1] === '*') {
    const end = text.indexOf('*/', i + 2);
    const stop = end === -1 ? text.length : end + 2;
    return { next: stop, blank: [i, stop] };
  }
  return undefined;
}

function scanRustSpecial(text: string, i: number): Scanned | undefined {
  if (text[i] === "'") {
    RUST_CHAR.lastIndex = i;
    const character = RUST_CHAR.exec(text);
    // Otherwise a lifetime (`'a`), which is code.
    return character
      ? { next: i + character[0].length, blank: [i + 1, i + character[0].length - 1] }
      : { next: i + 1 };
  }
  const hashes = /r(#*)$/.exec(text.slice(Math.max(0, i - 4), i))?.[1];
  if (hashes === undefined) return undefined;
  const end = text.indexOf(`"${hashes}`, i + 1);
  return literal(i + 1, end === -1 ? text.length : end, 1 + hashes.length);
}

function scanString(text: string, i: number, syntax: CodeSyntax): Scanned | undefined {
  const rules = SYNTAX_RULES[syntax];
  const triple = rules.tripleQuotes.find((quote) => text.startsWith(quote, i));
  if (triple) {
    const end = text.indexOf(triple, i + 3);
    return literal(i + 3, end === -1 ? text.length : end, 3);
  }
  if (syntax === 'rust') {
    const special = scanRustSpecial(text, i);
    if (special) return special;
  }
  const char = text[i] ?? '';
  if (!rules.quotes.includes(char)) return undefined;
  // C# verbatim strings (@"…", $@"…") and Go raw strings know no backslash escapes.
  const verbatim =
    (syntax === 'csharp' && (text[i - 1] === '@' || text[i - 2] === '@')) ||
    (syntax === 'go' && char === '`');
  return literal(i + 1, endOfQuoted(text, i + 1, char, rules.multilineQuotes.includes(char), !verbatim), 1);
}

/** Blanks comments and string contents of source text, recording where each string literal is. */
export function maskSource(text: string, syntax: CodeSyntax): MaskedSource {
  const strings: StringSpan[] = [];
  const blanks: [number, number][] = [];
  const starters = startersOf(syntax);
  let i = 0;
  while (i < text.length) {
    // Jump straight to the next character that can open a comment or a string.
    starters.lastIndex = i;
    const next = starters.exec(text);
    if (!next) break;
    const scanned = scanComment(text, next.index, syntax) ??
      scanString(text, next.index, syntax) ?? { next: next.index + 1 };
    if (scanned.blank) blanks.push(scanned.blank);
    if (scanned.string) strings.push(scanned.string);
    i = scanned.next;
  }
  return { masked: applyBlanks(text, blanks), strings };
}

const STARTERS = new Map<CodeSyntax, RegExp>();

function startersOf(syntax: CodeSyntax): RegExp {
  let starters = STARTERS.get(syntax);
  if (!starters) {
    const rules = SYNTAX_RULES[syntax];
    const characters = new Set(
      [...rules.lineComments, ...rules.tripleQuotes, ...rules.quotes].map((marker) => marker[0]),
    );
    if (rules.blockComments) characters.add('/');
    if (syntax === 'rust') characters.add("'");
    const escaped = [...characters].map((character) => `\\${character}`).join('');
    starters = new RegExp(`[${escaped}]`, 'g');
    STARTERS.set(syntax, starters);
  }
  return starters;
}

function applyBlanks(text: string, blanks: [number, number][]): string {
  const parts: string[] = [];
  let position = 0;
  for (const [start, end] of blanks) {
    if (end <= start) continue;
    const blanked = text.slice(start, end);
    parts.push(
      text.slice(position, start),
      blanked.includes('\n') ? blanked.replace(/[^\n]/g, ' ') : ' '.repeat(end - start),
    );
    position = end;
  }
  parts.push(text.slice(position));
  return parts.join('');
}
