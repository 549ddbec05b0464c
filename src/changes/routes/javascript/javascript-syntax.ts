import { textWithout } from '../../../code/syntax/node-text.js';
import type { SyntaxNode } from '../../../code/syntax/parse-source.js';

const FUNCTION_TYPES = new Set([
  'function_declaration',
  'function_expression',
  'function',
  'arrow_function',
  'generator_function_declaration',
  'generator_function',
  'method_definition',
]);
const WRAPPERS = new Set([
  'parenthesized_expression',
  'await_expression',
  'as_expression',
  'satisfies_expression',
  'non_null_expression',
  'type_assertion',
]);

/** True for a node that starts a function scope. */
export function isFunctionNode(node: SyntaxNode): boolean {
  return FUNCTION_TYPES.has(node.type);
}

/** The expression inside parentheses, `await`, `as T`, `x!`. */
export function unwrap(node: SyntaxNode): SyntaxNode {
  let current = node;
  while (WRAPPERS.has(current.type)) {
    const inner = current.namedChildren.find(
      (child) =>
        child !== null &&
        child.type !== 'type_annotation' &&
        !child.type.endsWith('_type') &&
        child.type !== 'type_identifier',
    );
    if (!inner) break;
    current = inner;
  }
  return current;
}

/** A call's arguments, comments left out. */
export function argumentsOf(call: SyntaxNode): SyntaxNode[] {
  const args = call.childForFieldName('arguments');
  if (!args) return [];
  return args.namedChildren.filter(
    (child): child is SyntaxNode => child !== null && child.type !== 'comment',
  );
}

/** `a.b.c` for an identifier or a chain of member accesses; undefined for anything computed. */
export function memberPath(node: SyntaxNode | null | undefined): string | undefined {
  if (!node) return undefined;
  const inner = unwrap(node);
  if (inner.type === 'identifier' || inner.type === 'this' || inner.type === 'property_identifier')
    return inner.text;
  if (inner.type !== 'member_expression') return undefined;
  const object = memberPath(inner.childForFieldName('object'));
  const property = inner.childForFieldName('property');
  if (object === undefined || !property || property.type !== 'property_identifier') return undefined;
  return `${object}.${property.text}`;
}

/** The value of `key` in an object literal (`{ prefix: '/api' }`), shorthand properties included. */
export function propertyValue(object: SyntaxNode | undefined, key: string): SyntaxNode | undefined {
  if (!object || object.type !== 'object') return undefined;
  for (const child of object.namedChildren) {
    if (!child) continue;
    if (child.type === 'pair') {
      const name = child.childForFieldName('key');
      const text = name?.type === 'string' ? name.text.slice(1, -1) : name?.text;
      if (text === key) return child.childForFieldName('value') ?? undefined;
    } else if (child.type === 'shorthand_property_identifier' && child.text === key) {
      return child;
    } else if (child.type === 'method_definition' && child.childForFieldName('name')?.text === key) {
      return child;
    }
  }
  return undefined;
}

/** The names of a function's parameters, in order (undefined for a destructured one). */
export function parameterNames(fn: SyntaxNode): (string | undefined)[] {
  const single = fn.childForFieldName('parameter');
  if (single) return [single.text];
  const params = fn.childForFieldName('parameters');
  if (!params) return [];
  return params.namedChildren
    .filter((child): child is SyntaxNode => child !== null && child.type !== 'comment')
    .map((param) => {
      const pattern = param.childForFieldName('pattern') ?? param.childForFieldName('left') ?? param;
      return pattern.type === 'identifier' ? pattern.text : undefined;
    });
}

/** Whitespace-free text of a node, with every function written in place replaced by `fn` (its body is not the declaration). */
export function declarationText(node: SyntaxNode): string {
  return textWithout(node, isFunctionNode, 'fn');
}
