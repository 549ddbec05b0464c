import type { SyntaxNode } from '../../../code/syntax/parse-source.js';

/** The expression inside parentheses or `await`. */
export function unwrap(node: SyntaxNode): SyntaxNode {
  let current = node;
  while (current.type === 'parenthesized_expression' || current.type === 'await') {
    const inner = current.namedChildren.find((child) => child !== null && child.type !== 'comment');
    if (!inner) break;
    current = inner;
  }
  return current;
}

/** A call's arguments, comments left out. */
export function argumentsOf(call: SyntaxNode): SyntaxNode[] {
  const args = call.childForFieldName('arguments');
  if (args?.type !== 'argument_list') return [];
  return args.namedChildren.filter(
    (child): child is SyntaxNode => child !== null && child.type !== 'comment',
  );
}

/** The positional arguments among `args` (no `name=value`, no `*x`, no `**x`). */
export function positionalArguments(args: readonly SyntaxNode[]): SyntaxNode[] {
  return args.filter(
    (arg) => arg.type !== 'keyword_argument' && arg.type !== 'list_splat' && arg.type !== 'dictionary_splat',
  );
}

/** The value of the `name=value` argument among `args`. */
export function keywordArgument(args: readonly SyntaxNode[], name: string): SyntaxNode | undefined {
  for (const arg of args) {
    if (arg.type === 'keyword_argument' && arg.childForFieldName('name')?.text === name)
      return arg.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

/** The name a call calls: `APIRouter` for `APIRouter(…)` and `fastapi.APIRouter(…)`, `get` for `router.get(…)`. */
export function calleeName(call: SyntaxNode): string | undefined {
  const callee = call.childForFieldName('function');
  if (callee?.type === 'identifier') return callee.text;
  if (callee?.type === 'attribute') return callee.childForFieldName('attribute')?.text;
  return undefined;
}

/** The object a method is called on: `router` in `router.get(…)`. */
export function receiverOf(call: SyntaxNode): SyntaxNode | undefined {
  const callee = call.childForFieldName('function');
  return callee?.type === 'attribute' ? (callee.childForFieldName('object') ?? undefined) : undefined;
}

/** `a.b.c` for a name or a chain of attributes; undefined for anything computed. */
export function dottedName(node: SyntaxNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type !== 'attribute') return undefined;
  const object = dottedName(node.childForFieldName('object'));
  const name = node.childForFieldName('attribute')?.text;
  return object === undefined || name === undefined ? undefined : `${object}.${name}`;
}

/** A node's text without whitespace, for comparing declarations across the two sides. */
export function compactText(node: SyntaxNode): string {
  return node.text.replace(/\s+/g, '');
}

/** The text of `args` without `skip` (an argument, or a `name=value` argument's value), whitespace removed. */
export function argumentsText(
  args: readonly SyntaxNode[],
  skip: readonly (SyntaxNode | undefined)[],
): string {
  const skipped = skip.filter((node): node is SyntaxNode => node !== undefined);
  const starts = new Set(
    skipped.map((node) =>
      node.parent?.type === 'keyword_argument' ? node.parent.startIndex : node.startIndex,
    ),
  );
  return args
    .filter((arg) => !starts.has(arg.startIndex))
    .map(compactText)
    .join(',');
}
