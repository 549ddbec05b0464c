import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { stringValue, textWithout } from '../../../code/syntax/node-text.js';

/** A call's arguments, comments left out. */
export function argumentsOf(call: SyntaxNode): SyntaxNode[] {
  const args = call.childForFieldName('arguments');
  if (!args) return [];
  return args.namedChildren.filter(
    (child): child is SyntaxNode => child !== null && child.type !== 'comment',
  );
}

/** The expression inside parentheses. */
export function unwrap(node: SyntaxNode): SyntaxNode {
  let current = node;
  while (current.type === 'parenthesized_expression') {
    const inner = current.namedChildren[0];
    if (!inner) break;
    current = inner;
  }
  return current;
}

/** `operand.field` of a selector expression, or undefined for anything else. */
export function selectorOf(node: SyntaxNode | null): { operand: SyntaxNode; field: string } | undefined {
  if (node?.type !== 'selector_expression') return undefined;
  const operand = node.childForFieldName('operand');
  const field = node.childForFieldName('field');
  return operand && field ? { operand: unwrap(operand), field: field.text } : undefined;
}

/**
 * The name a Go file uses for an import when it gives none: the path's last element, skipping
 * a major-version suffix (`echo/v4` is `echo`), with `go-` and `.vN` dropped (`go-chi/chi`, `yaml.v3`).
 */
export function defaultImportName(importPath: string): string {
  const parts = importPath.split('/');
  let last = parts[parts.length - 1] ?? importPath;
  if (/^v\d+$/.test(last) && parts.length > 1) last = parts[parts.length - 2] ?? last;
  return last
    .replace(/\.v\d+$/, '')
    .replace(/^go-/, '')
    .replace(/[-.]/g, '_');
}

/** Whitespace-free text of a node, with every function literal written in place replaced by `func` (its body is not the declaration). */
export function declarationText(node: SyntaxNode): string {
  return textWithout(node, (inner) => inner.type === 'func_literal', 'func', 'func');
}

/** `h.List`, `list`, `handlers.Users.List`: a handler the declaration names, not one written in place. */
export function handlerName(node: SyntaxNode | undefined): string | undefined {
  if (!node) return undefined;
  const inner = unwrap(node);
  if (inner.type === 'identifier') return inner.text;
  if (inner.type !== 'selector_expression') return undefined;
  return /^[\w.]+$/.test(inner.text) ? inner.text : undefined;
}

/** `http.StripPrefix("/api", h)`: the handler inside and the prefix it strips; anything else is itself, stripping nothing. */
export function unstrip(node: SyntaxNode): { handler: SyntaxNode; stripped?: string } {
  const inner = unwrap(node);
  if (
    inner.type !== 'call_expression' ||
    selectorOf(inner.childForFieldName('function'))?.field !== 'StripPrefix'
  )
    return { handler: inner };
  const [prefix, handler] = argumentsOf(inner);
  const stripped = stringValue(prefix);
  if (!handler || stripped === undefined) return { handler: inner };
  return { handler: unwrap(handler), stripped };
}
