import { PROSE_INVISIBLES } from './invisible-characters.js';

export interface CleanOptions {
  /** Collapse line breaks: for one-line fields such as a finding's title. */
  singleLine?: boolean;
  /** Longest result, in characters (an ellipsis marks a cut). */
  maxChars?: number;
}

interface Segment {
  code: boolean;
  text: string;
}

const COMMENT_MARKS = /<!--|-->/g;
const MARKDOWN_IMAGE = /!\[[^\]]*\]\([^)]*\)/g;
// GitHub logins and teams (@org/team); an email address has a word character before the @.
const MENTION = /(^|[^\w@./-])@([A-Za-z0-9][A-Za-z0-9-]{0,38}(?:\/[A-Za-z0-9][A-Za-z0-9_-]*)?)/g;
// owner/repo#12 cross-references notify the other repository's issue.
const CROSS_REFERENCE = /(^|[^\w/.-])([A-Za-z0-9][\w.-]*\/[\w.-]+#\d+)/g;

/**
 * Makes model-written text safe to post: it cannot ping anyone (`@user` and `owner/repo#1`
 * become code), render HTML or images, or open or close the hidden `<!-- … -->` markers our
 * comments are found by. `#123` stays a plain reference. Code spans and blocks keep their text.
 */
export function cleanModelText(text: string, options: CleanOptions = {}): string {
  const withoutMarks = removeUntilStable(text.replace(PROSE_INVISIBLES, ''), COMMENT_MARKS);
  let cleaned = splitCode(withoutMarks)
    .map((segment) => (segment.code ? segment.text : cleanProse(segment.text)))
    .join('');
  if (options.singleLine) cleaned = cleaned.replace(/\s+/g, ' ');
  cleaned = cleaned.trim();
  if (options.maxChars !== undefined && cleaned.length > options.maxChars) {
    cleaned = `${cleaned.slice(0, Math.max(0, options.maxChars - 1)).trimEnd()}…`;
  }
  return cleaned;
}

function cleanProse(text: string): string {
  return (
    text
      .replace(MARKDOWN_IMAGE, '')
      // A backtick left in prose is unmatched; it could pair with the ones added around mentions.
      .replace(/`/g, '')
      .replace(/&/g, '&amp;') // entities such as &#64; would otherwise render as a live @
      .replace(/</g, '&lt;')
      .replace(MENTION, (_match, before: string, name: string) => `${before}\`@${name}\``)
      .replace(CROSS_REFERENCE, (_match, before: string, reference: string) => `${before}\`${reference}\``)
      .replace(/(\S)[ \t]{2,}(?=\S|$)/g, '$1 ')
  ); // gaps left by removed markup; indentation stays
}

function removeUntilStable(text: string, pattern: RegExp): string {
  let current = text;
  for (;;) {
    const next = current.replace(pattern, '');
    if (next === current) return current;
    current = next;
  }
}

/** Splits markdown into code (fenced blocks, inline spans) and prose, keeping every character. */
function splitCode(text: string): Segment[] {
  const segments: Segment[] = [];
  const fence = /^(```|~~~)[^\n]*\n[\s\S]*?(?:^\1[^\n]*$|(?![\s\S]))/gm;
  let cursor = 0;
  for (const match of text.matchAll(fence)) {
    segments.push(...splitInlineCode(text.slice(cursor, match.index)));
    segments.push({ code: true, text: match[0] });
    cursor = match.index + match[0].length;
  }
  segments.push(...splitInlineCode(text.slice(cursor)));
  return segments;
}

function splitInlineCode(text: string): Segment[] {
  const segments: Segment[] = [];
  let cursor = 0;
  // A run of backticks up to the next run of the same length; an unmatched run is plain text.
  for (const match of text.matchAll(/(`+)([\s\S]*?[^`])\1(?!`)/g)) {
    segments.push({ code: false, text: text.slice(cursor, match.index) });
    segments.push({ code: true, text: match[0] });
    cursor = match.index + match[0].length;
  }
  segments.push({ code: false, text: text.slice(cursor) });
  return segments;
}
