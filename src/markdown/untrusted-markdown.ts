/**
 * Text written by others (a PR's title and body, file and branch names, test output, the model)
 * shown inside our Markdown without changing its shape. The text is cut into code (spans and
 * fenced blocks) and prose; code is re-fenced by us, with fences longer than any backtick run
 * inside, and prose is escaped: no link, image, autolink, HTML, table pipe, heading or
 * @-mention survives. Whatever the input, our output is built by us, so GitHub's parser and
 * ours cannot disagree about where the text ends.
 */

/** One piece of untrusted text: prose, an inline code span, or a fenced code block. */
export type TextPiece =
  | { kind: 'prose'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'block'; text: string; info: string };

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
// GFM's extended autolinks: a scheme or `www.` up to whitespace or `<`.
const BARE_URL = /\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>]+/gi;
/** What GFM leaves out of the end of an autolink: trailing punctuation. */
const URL_TRAILER = /[?!.,:;*_~'"]+$/;

/** The longest run of `char` in `text`. */
export function longestRun(text: string, char = '`'): number {
  let longest = 0;
  for (const run of text.match(new RegExp(`\\${char}+`, 'g')) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/** An inline code span showing `text` exactly, whatever backticks it holds; one line. */
export function codeSpan(text: string): string {
  const clean = text.replace(/\r?\n/g, ' ');
  if (clean === '') return '';
  const marks = '`'.repeat(longestRun(clean) + 1);
  // A space each side keeps a backtick at either end out of the fence; CommonMark strips one each side.
  const pad = /^[` ]|[` ]$/.test(clean) && clean.trim() !== '' ? ' ' : '';
  return `${marks}${pad}${clean}${pad}${marks}`;
}

/** A fenced code block that closes: its fence is longer than any backtick run inside. */
export function codeBlock(text: string, info = ''): string {
  const marks = '`'.repeat(Math.max(3, longestRun(text) + 1));
  return `${marks}${info.replace(/[^\w+.-]/g, '')}\n${text}\n${marks}`;
}

/**
 * Cuts text into fenced blocks, inline code spans and prose. A fence that never closes runs to
 * the end, as in CommonMark; a backtick run with no closing run of the same length is prose.
 */
export function splitUntrustedText(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  const lines = text.split('\n');
  let prose: string[] = [];
  const flushProse = (): void => {
    if (prose.length > 0) pieces.push(...splitCodeSpans(prose.join('\n')));
    prose = [];
  };
  for (let i = 0; i < lines.length; i += 1) {
    const open = FENCE_OPEN.exec(lines[i] ?? '');
    const marks = open?.[1] ?? '';
    if (!open || (marks.startsWith('`') && (open[2] ?? '').includes('`'))) {
      prose.push(lines[i] ?? '');
      continue;
    }
    flushProse();
    const closing = new RegExp(`^ {0,3}\\${marks[0]}{${marks.length},}\\s*$`);
    const body: string[] = [];
    for (i += 1; i < lines.length && !closing.test(lines[i] ?? ''); i += 1) body.push(lines[i] ?? '');
    pieces.push({ kind: 'block', text: body.join('\n'), info: (open[2] ?? '').trim().split(/\s/)[0] ?? '' });
  }
  flushProse();
  return pieces;
}

function splitCodeSpans(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let cursor = 0;
  for (const match of text.matchAll(/(`+)([\s\S]*?[^`])\1(?!`)/g)) {
    if (match.index > cursor) pieces.push({ kind: 'prose', text: text.slice(cursor, match.index) });
    const inner = match[2] ?? '';
    // CommonMark strips one space each side when both are there.
    const content = /^ .* $/s.test(inner) && inner.trim() !== '' ? inner.slice(1, -1) : inner;
    pieces.push({ kind: 'code', text: content });
    cursor = match.index + match[0].length;
  }
  if (cursor < text.length) pieces.push({ kind: 'prose', text: text.slice(cursor) });
  return pieces;
}

/**
 * Escapes prose so it renders as the characters written: backslashes, brackets (no link or
 * image), pipes (no table cell ends), `<` (no HTML or autolink), entity references
 * (`&#64;` would render a live @), and @-mentions (no ping). Bare URLs become code: GFM would
 * link them.
 */
export function escapeProse(text: string): string {
  let out = '';
  let cursor = 0;
  for (const match of text.matchAll(BARE_URL)) {
    const url = trimUrl(match[0]);
    out += escapeCharacters(text.slice(cursor, match.index)) + codeSpan(url);
    cursor = match.index + url.length;
  }
  return out + escapeCharacters(text.slice(cursor));
}

/** The URL without trailing punctuation or a closing parenthesis it did not open, as GFM reads it. */
function trimUrl(url: string): string {
  let trimmed = url.replace(URL_TRAILER, '');
  while (trimmed.endsWith(')') && count(trimmed, ')') > count(trimmed, '(')) {
    trimmed = trimmed.slice(0, -1).replace(URL_TRAILER, '');
  }
  return trimmed;
}

const count = (text: string, char: string): number => text.split(char).length - 1;

function escapeCharacters(text: string): string {
  return (
    text
      // Undo the entities earlier cleaning wrote, so they are not shown escaped twice.
      .replace(/&(?:amp;)*(lt|gt|amp);/g, (_m, name: string) => ({ lt: '<', gt: '>', amp: '&' })[name] ?? '')
      .replace(/[\\[\]|]/g, '\\$&')
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/@(?=[A-Za-z0-9-])/g, '@\u200b')
  );
}

/**
 * Escapes what makes a line more than text at its start: a heading (`#`, or a setext
 * underline) or a nested quote (`>`).
 */
export function escapeLineStarts(text: string): string {
  return text.replace(/^( {0,3})(#|>|=+\s*$|-+\s*$)/gm, '$1\\$2');
}
