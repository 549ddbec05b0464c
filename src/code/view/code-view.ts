import type { Grammar } from '../syntax/grammar.js';
import { withParsedSource, type SyntaxNode } from '../syntax/parse-source.js';
import { selectNodes } from '../syntax/select-nodes.js';
import {
  COMMENT_TYPES,
  FUNCTION_TYPES,
  GRAMMAR_IMPORT_TYPES,
  IMPORT_TYPES,
  INTERPOLATION_TYPES,
  LOOP_TYPES,
  STATEMENT_PARENT_TYPES,
  STRING_TYPES,
} from './node-kinds.js';

/** What a character of source is part of. */
export type RegionKind = 'code' | 'string' | 'comment';

/** One line of a file as its syntax tree tells it apart. */
export interface LineView {
  text: string;
  /** The line with string contents and comments blanked (quotes kept): code patterns match this. */
  code: string;
  /** What the character at `index` belongs to. */
  kindAt(index: number): RegionKind;
  /** True when the line holds a comment (or a docstring) and nothing else. */
  commentOnly: boolean;
  /** True when the line is part of an import (or a package or namespace header): it names code, it does not run any. */
  importOnly: boolean;
}

/** A function, loop or other construct, by the lines it spans. */
export interface Span {
  kind: 'function' | 'loop';
  startLine: number;
  endLine: number;
  /** A function's name, when it has one. */
  name?: string;
  /** First lines of the statements inside it, nested ones included (for functions: a length that data literals do not inflate). */
  statementLines: number[];
}

/** A file side as the reviewers read it: lines told apart into code, strings and comments, and its functions and loops. */
export interface CodeView {
  line(line: number): LineView | undefined;
  /** Functions and loops, outermost first. */
  spans: readonly Span[];
  /** The statement that holds a line (first and last line), for the lines asked for when the view was made. */
  statementAt(line: number): { startLine: number; endLine: number } | undefined;
}

const CODES: Readonly<Record<string, RegionKind>> = { c: 'code', s: 'string', m: 'comment' };

/** A stretch of one line that a node marks as code, string or comment: [row, from, to, kind]. */
type Mark = [number, number, number, string];

/** The stretches a node covers, line by line (`keepEnds`: a string's quotes stay code). */
function marksOf(node: SyntaxNode, code: string, keepEnds: boolean): Mark[] {
  const { startPosition: start, endPosition: end } = node;
  const marks: Mark[] = [];
  for (let row = start.row; row <= end.row; row++) {
    const from = row === start.row ? start.column + (keepEnds ? 1 : 0) : 0;
    const to = row === end.row ? end.column - (keepEnds ? 1 : 0) : Number.MAX_SAFE_INTEGER;
    marks.push([row, Math.max(0, from), to, code]);
  }
  return marks;
}

/** Python's docstrings: a string that is a statement of its own documents, it does not run. */
function isDocstring(node: SyntaxNode, grammar: Grammar): boolean {
  return (
    grammar === 'python' && node.parent?.type === 'expression_statement' && node.parent.namedChildCount === 1
  );
}

/** The nodes a view is read from, one tree query per grammar. */
const VIEW_NODES = {
  string: STRING_TYPES,
  code: INTERPOLATION_TYPES,
  comment: COMMENT_TYPES,
  function: FUNCTION_TYPES,
  loop: LOOP_TYPES,
  statement: { childrenOf: [...STATEMENT_PARENT_TYPES] },
  import: IMPORT_TYPES,
};

const viewNodesByGrammar = new Map<Grammar, typeof VIEW_NODES>();

/** The view's node groups for a grammar: the shared ones, and imports only that grammar names so. */
function viewNodesOf(grammar: Grammar): typeof VIEW_NODES {
  const own = GRAMMAR_IMPORT_TYPES[grammar];
  if (!own) return VIEW_NODES;
  let nodes = viewNodesByGrammar.get(grammar);
  if (!nodes) {
    nodes = { ...VIEW_NODES, import: [...IMPORT_TYPES, ...own] };
    viewNodesByGrammar.set(grammar, nodes);
  }
  return nodes;
}

/** A statement by where it starts and ends in the text, and its first line. */
type StatementPlace = [start: number, end: number, line: number];

/** The first lines of the statements inside a node, nested ones included (statements sorted by start). */
function statementLinesIn(statements: readonly StatementPlace[], node: SyntaxNode): number[] {
  const { startIndex, endIndex } = node;
  let low = 0;
  let high = statements.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((statements[middle]?.[0] ?? 0) <= startIndex) low = middle + 1;
    else high = middle;
  }
  const lines: number[] = [];
  for (let index = low; index < statements.length; index++) {
    const [start, end, line] = statements[index] ?? [0, 0, 0];
    if (start >= endIndex) break;
    if (end <= endIndex) lines.push(line);
  }
  return lines;
}

function statementOf(
  root: SyntaxNode,
  row: number,
  column: number,
): { startLine: number; endLine: number } | undefined {
  let node: SyntaxNode | null = root.descendantForPosition({ row, column });
  // Each step up asks the tree for the parent once: every `parent` is a call into WebAssembly and a new node.
  let parent = node?.parent ?? null;
  while (node && parent && !STATEMENT_PARENT_TYPES.has(parent.type)) {
    node = parent;
    parent = node.parent;
  }
  if (!node || node === root) return undefined;
  return { startLine: node.startPosition.row + 1, endLine: node.endPosition.row + 1 };
}

function readView(
  root: SyntaxNode,
  text: string,
  grammar: Grammar,
  lines: readonly number[],
): Omit<CodeView, 'line'> & { marks: Map<number, Mark[]>; texts: string[]; importRows: Set<number> } {
  const texts = text.split('\n').map((line) => line.replace(/\r$/, ''));
  const nodes = selectNodes(grammar, root, viewNodesOf(grammar));
  const importRows = new Set<number>();
  for (const node of nodes.import) {
    for (let row = node.startPosition.row; row <= node.endPosition.row; row++) importRows.add(row);
  }
  // Marks are kept in the order they apply: strings (the outermost marks those nested in it),
  // then code written inside strings, then comments. A line's kinds are worked out only when
  // a rule asks for that line.
  const all: Mark[] = [
    ...nodes.string.flatMap((node) =>
      isDocstring(node, grammar) ? marksOf(node, 'm', false) : marksOf(node, 's', true),
    ),
    ...nodes.code.flatMap((node) => marksOf(node, 'c', false)),
    ...nodes.comment.flatMap((node) => marksOf(node, 'm', false)),
  ];
  const marks = new Map<number, Mark[]>();
  for (const mark of all) {
    const onRow = marks.get(mark[0]);
    if (onRow) onRow.push(mark);
    else marks.set(mark[0], [mark]);
  }
  const commentTypes = new Set(COMMENT_TYPES);
  const statements = nodes.statement
    .filter((node) => !commentTypes.has(node.type))
    .map((node): StatementPlace => [node.startIndex, node.endIndex, node.startPosition.row + 1])
    .sort((a, b) => a[0] - b[0]);
  const spans: Span[] = [
    ...nodes.function.map((node) => ({ kind: 'function' as const, node })),
    ...nodes.loop.map((node) => ({ kind: 'loop' as const, node })),
  ]
    .map(({ kind, node }) => {
      const name = node.childForFieldName('name')?.text;
      return {
        kind,
        startLine: node.startPosition.row + 1,
        endLine: node.endPosition.row + 1,
        ...(name ? { name } : {}),
        statementLines: kind === 'function' ? statementLinesIn(statements, node) : [],
      };
    })
    .sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  const holding = new Map<number, { startLine: number; endLine: number }>();
  for (const line of lines) {
    const textOfLine = texts[line - 1] ?? '';
    // A blank line belongs to no statement (the tree would hand back the whole file around it).
    if (textOfLine.trim() === '') continue;
    const column = textOfLine.length - textOfLine.trimStart().length;
    const found = statementOf(root, line - 1, column);
    if (found) holding.set(line, found);
  }
  return { spans, statementAt: (line) => holding.get(line), marks, texts, importRows };
}

function lineView(text: string, marks: readonly Mark[], importOnly: boolean): LineView {
  const kinds = Array.from(text, () => 'c');
  for (const [, from, to, kind] of marks) {
    for (let column = from; column < Math.min(to, text.length); column++) kinds[column] = kind;
  }
  const code = Array.from(text, (character, index) => (kinds[index] === 'c' ? character : ' ')).join('');
  const nonBlank = [...text]
    .map((character, index) => (character.trim() === '' ? undefined : kinds[index]))
    .filter((kind) => kind !== undefined);
  return {
    text,
    code,
    kindAt: (index) => CODES[kinds[index] ?? 'c'] ?? 'code',
    commentOnly: nonBlank.length > 0 && nonBlank.every((kind) => kind === 'm'),
    importOnly,
  };
}

/** The reader name a code view is cached under in a `FactCache`. */
export const CODE_VIEW_READER = 'code-view';

/**
 * Reads a file side's code view from its syntax tree (the view is plain data: the tree can be
 * freed once it returns). `statementLines` are the lines whose statements a rule may ask for.
 */
export function readCodeView(
  root: SyntaxNode,
  text: string,
  grammar: Grammar,
  statementLines: readonly number[] = [],
): CodeView {
  const read = readView(root, text, grammar, statementLines);
  const cache = new Map<number, LineView>();
  return {
    spans: read.spans,
    statementAt: read.statementAt,
    line: (line) => {
      const known = cache.get(line);
      if (known) return known;
      const textOfLine = read.texts[line - 1];
      if (textOfLine === undefined) return undefined;
      const view = lineView(textOfLine, read.marks.get(line - 1) ?? [], read.importRows.has(line - 1));
      cache.set(line, view);
      return view;
    },
  };
}

/**
 * Parses a file side and reads its code view (see `readCodeView`). Undefined when the grammar
 * is not loaded or the text is too large to be source.
 */
export function createCodeView(
  text: string,
  grammar: Grammar,
  statementLines: readonly number[] = [],
): CodeView | undefined {
  return withParsedSource(text, grammar, (root) => readCodeView(root, text, grammar, statementLines));
}
