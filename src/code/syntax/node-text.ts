import type { SyntaxNode } from './parse-source.js';

/** The 1-based line a node starts on. */
export function lineOf(node: SyntaxNode): number {
  return node.startPosition.row + 1;
}

/** The 1-based line a node ends on. */
export function endLineOf(node: SyntaxNode): number {
  return node.endPosition.row + 1;
}

// String node types across the grammars, and the child types that hold their literal text.
const STRING_TYPES = new Set([
  'string',
  'template_string',
  'interpreted_string_literal',
  'raw_string_literal',
  'string_literal',
  'verbatim_string_literal',
  'raw_string',
  'encapsed_string',
  'simple_symbol',
  'line_string_literal',
  'multi_line_string_literal',
  'quoted_content',
]);
const CONTENT_TYPES = new Set([
  'string_fragment',
  'string_content',
  'escape_sequence',
  'string_literal_content',
  'quoted_content',
  'raw_string_literal_content',
  'interpreted_string_literal_content',
]);
const INTERPOLATION_TYPES = new Set([
  'template_substitution',
  'interpolation',
  'string_interpolation',
  'interpolated_expression',
  'line_str_text',
]);

/** True for a node that is a string literal in its grammar. */
export function isStringNode(node: SyntaxNode): boolean {
  return STRING_TYPES.has(node.type);
}

function unescape(text: string): string {
  return text.replace(/\\(["'\\/`$])/g, '$1');
}

/**
 * The value of a string literal without quotes, or undefined when it is not a literal or
 * holds interpolation (`${x}`, f-strings, `#{x}`): a computed string has no fixed value.
 * Python's implicit concatenation and Ruby symbols are read too.
 */
export function stringValue(node: SyntaxNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'concatenated_string')
    return joinValues(node.namedChildren.filter((child): child is SyntaxNode => child !== null));
  if (node.type === 'simple_symbol') return node.text.replace(/^:/, '');
  if (!isStringNode(node)) return undefined;
  let value = '';
  let sawContent = false;
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (INTERPOLATION_TYPES.has(child.type)) return undefined;
    if (CONTENT_TYPES.has(child.type)) {
      value += child.type === 'escape_sequence' ? unescape(child.text) : child.text;
      sawContent = true;
    } else if (child.type === 'string_start' || child.type === 'string_end') {
      // Python's prefixes: an f-string with no interpolation is still a plain value.
      continue;
    } else if (isStringNode(child)) {
      const inner = stringValue(child);
      if (inner === undefined) return undefined;
      value += inner;
      sawContent = true;
    } else if (node.type === 'encapsed_string') {
      // PHP interpolates bare expressions: `"{$name}.view"` holds a variable_name, not a marker.
      return undefined;
    }
  }
  if (sawContent || node.namedChildCount === 0 || onlyDelimiters(node))
    return sawContent ? value : stripQuotes(node.text);
  return undefined;
}

function onlyDelimiters(node: SyntaxNode): boolean {
  return node.namedChildren.every((child) => child?.type === 'string_start' || child?.type === 'string_end');
}

function joinValues(parts: SyntaxNode[]): string | undefined {
  let joined = '';
  for (const part of parts) {
    const value = stringValue(part);
    if (value === undefined) return undefined;
    joined += value;
  }
  return joined;
}

/** Drops a literal's quotes and prefixes (`r"…"`, `@"…"`, `b'…'`, triple quotes) when its grammar has no content node. */
function stripQuotes(text: string): string {
  const match = /^[a-zA-Z@$]*("""|'''|"|'|`)([\s\S]*)\1$/.exec(text);
  return match ? (match[2] ?? '') : text;
}

/**
 * A node's text without whitespace, every descendant `isInline` accepts (a function written in
 * place) replaced by `stand`: what a declaration says, not the body of its inline handler. A
 * node whose text lacks `mark` (when given) holds no such descendant and is not walked.
 */
export function textWithout(
  node: SyntaxNode,
  isInline: (node: SyntaxNode) => boolean,
  stand: string,
  mark?: string,
): string {
  const whole = node.text;
  if (mark !== undefined && !whole.includes(mark)) return whole.replace(/\s+/g, '');
  if (isInline(node)) return stand;
  if (node.namedChildCount === 0) return whole.replace(/\s+/g, '');
  let text = '';
  let cursor = node.startIndex;
  for (const child of node.namedChildren) {
    if (!child) continue;
    text += whole.slice(cursor - node.startIndex, child.startIndex - node.startIndex);
    text += textWithout(child, isInline, stand, mark);
    cursor = child.endIndex;
  }
  text += whole.slice(cursor - node.startIndex);
  return text.replace(/\s+/g, '');
}
