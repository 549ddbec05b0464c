import { Lexer, type Token } from 'marked';

/** What a GFM parser finds in a Markdown text that our own structure did not put there. */
export interface MarkdownShape {
  /** Every link's target. */
  links: string[];
  /** Every image's source. */
  images: string[];
  /** HTML tags other than the few the report writes (`<sub>`, `<details>`, `<summary>`, `<br>`, its marker). */
  foreignHtml: string[];
  /** Table rows whose number of cells differs from their header's, as the raw row. */
  brokenRows: string[];
  /** Code spans' text. */
  codeSpans: string[];
  /** The headings outside any quote, list or table, in order. */
  headings: string[];
  /** Tokens of every kind, flattened. */
  tokens: Token[];
  /** The raw text of the last top-level block: an unclosed fence or quote would swallow the end. */
  lastBlock: string;
}

const REPORT_HTML =
  /^<\/?(?:sub|details|summary|br)\s*\/?>$|^<!-- backend-developer:[\w:-]+(?: [^>]*)? -->$/i;
const TAG = /<!--[\s\S]*?-->|<\/?[A-Za-z][^>]*>/g;

/** Cells of one table row the way GFM splits it: at each `|` not escaped by an odd run of backslashes. */
function cellCount(row: string): number {
  const inner = row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)((?:\\\\)*)\|$/, '$1');
  let count = 1;
  for (const match of inner.matchAll(/(\\*)\|/g)) if ((match[1] ?? '').length % 2 === 0) count += 1;
  return count;
}

function children(token: Token): Token[] {
  const nested: Token[] = [];
  const record = token as unknown as Record<string, unknown>;
  for (const key of ['tokens', 'items']) {
    const value = record[key];
    if (Array.isArray(value)) nested.push(...(value as Token[]));
  }
  if (token.type === 'table') {
    for (const cell of [...token.header, ...token.rows.flat()]) nested.push(...cell.tokens);
  }
  return nested;
}

/** Parses Markdown with marked (GFM) and reports the parts a shape test looks at. */
export function inspectMarkdown(markdown: string): MarkdownShape {
  const shape: MarkdownShape = {
    links: [],
    images: [],
    foreignHtml: [],
    brokenRows: [],
    codeSpans: [],
    headings: [],
    tokens: [],
    lastBlock: '',
  };
  const top = new Lexer({ gfm: true }).lex(markdown);
  shape.lastBlock = top.filter((token) => token.type !== 'space').at(-1)?.raw ?? '';
  for (const token of top) if (token.type === 'heading') shape.headings.push(token.text);
  const visit = (token: Token): void => {
    shape.tokens.push(token);
    if (token.type === 'link') shape.links.push(token.href);
    if (token.type === 'image') shape.images.push(token.href);
    if (token.type === 'codespan') shape.codeSpans.push(token.text);
    if (token.type === 'html')
      for (const tag of token.raw.match(TAG) ?? []) if (!REPORT_HTML.test(tag)) shape.foreignHtml.push(tag);
    if (token.type === 'table') {
      const [header = '', , ...rows] = token.raw.trim().split('\n');
      const columns = cellCount(header);
      for (const row of rows) if (cellCount(row) !== columns) shape.brokenRows.push(row);
    }
    children(token).forEach(visit);
  };
  top.forEach(visit);
  return shape;
}
