/** Small Markdown builders shared by the report sections. */
import {
  codeBlock,
  codeSpan,
  escapeLineStarts,
  escapeProse,
  splitUntrustedText,
  type TextPiece,
} from '../markdown/untrusted-markdown.js';

/**
 * Text for a table cell or a line of the report: one line, code spans kept as code, and
 * nothing that could make a link, an image, HTML, a heading, a ping or a new table cell.
 */
export function inline(text: string): string {
  const pieces = splitUntrustedText(text.replace(/\r?\n/g, ' '));
  return escapeLineStarts(pieces.map(renderInlinePiece).join(''));
}

function renderInlinePiece(piece: TextPiece): string {
  return piece.kind === 'prose' ? escapeProse(piece.text) : codeSpan(piece.text);
}

/** Wraps a path or identifier in backticks, safely: the fence is longer than any backtick run inside. */
export function code(text: string): string {
  return codeSpan(text);
}

/** A fenced code block (command output) that always closes. */
export function fence(text: string, info = ''): string {
  return codeBlock(text, info);
}

/**
 * One table cell: on one line, and every `|` escaped so it cannot end the cell, inside code
 * spans too (GFM splits rows before it reads code). A pipe already escaped (after an odd
 * number of backslashes) stays as it is.
 */
function tableCell(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/(\\*)\|/g, (_match, slashes: string) => `${slashes}${slashes.length % 2 === 0 ? '\\' : ''}|`);
}

export function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(tableCell).join(' | ')} |`;
  const rule = `| ${headers.map(() => '---').join(' | ')} |`;
  return [line(headers), rule, ...rows.map((row) => line(headers.map((_, i) => row[i] ?? '')))].join('\n');
}

/** A folded block. The summary is plain text: inside HTML, GitHub reads no Markdown, so it is HTML-escaped. */
export function details(summary: string, body: string): string {
  const text = summary.replace(/\r?\n/g, ' ').replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<details><summary>${text}</summary>\n\n${body}\n\n</details>`;
}

/**
 * Shows up to `visible` items inline and folds the rest (up to `cap`) into <details>,
 * ending with "and N more" when even that is not enough.
 */
export function cappedList(
  items: string[],
  options: { visible?: number; cap?: number; noun?: string } = {},
): string {
  const visible = options.visible ?? 10;
  const cap = options.cap ?? 200;
  const noun = options.noun ?? 'more';
  const shown = items.slice(0, visible).map((i) => `- ${i}`);
  if (items.length <= visible) return shown.join('\n');
  const folded = items.slice(visible, cap).map((i) => `- ${i}`);
  const rest = items.length - Math.min(items.length, cap);
  const tail = rest > 0 ? `\n- … and ${rest} more` : '';
  return `${shown.join('\n')}\n${details(`${items.length - visible} ${noun}`, folded.join('\n') + tail)}`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/**
 * Quotes text written by the PR's author or the model (untrusted) as a Markdown block quote,
 * capped in length: its lists, emphasis and code stay, while links and images show as text and
 * HTML, hidden comments, headings, tables and @mentions are gone. Code blocks are fenced anew
 * so they close inside the quote.
 */
export function quoteUntrusted(text: string, maxLength = 1500): string {
  let clean = text
    .replace(/\r\n?/g, '\n')
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .trim();
  if (clean.length > maxLength) clean = `${clean.slice(0, maxLength).replace(/\s+\S*$/, '')} …`;
  const rendered = splitUntrustedText(clean)
    .map((piece) =>
      piece.kind === 'block'
        ? `\n${codeBlock(piece.text, piece.info)}\n`
        : piece.kind === 'code'
          ? codeSpan(piece.text)
          : escapeLineStarts(escapeProse(piece.text)),
    )
    .join('')
    .replace(/^\n|\n$/g, '');
  return rendered
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}
