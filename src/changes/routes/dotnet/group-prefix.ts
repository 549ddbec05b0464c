import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import type { StringExpression } from '../string-expression.js';
import { csString, named } from './read-csharp-syntax.js';

/**
 * Stands for the name of the type a group is made for, when code builds groups by reflection
 * (`$"/api/{type.Name}"` for each endpoint-group class): the class whose method declares the
 * routes takes its place.
 */
export const TYPE_NAME = '{@type}';

const MAX_DEPTH = 4;

/** `a ?? b` is `b` when `a` is unknown (a property read by reflection): the default the code falls back to. */
function fallback(node: SyntaxNode): SyntaxNode {
  let current = node;
  for (;;) {
    if (current.type === 'parenthesized_expression') current = named(current)[0] ?? current;
    else if (current.type === 'binary_expression' && current.childForFieldName('operator')?.type === '??')
      current = current.childForFieldName('right') ?? current;
    else return current;
  }
}

/** A value that is a type's name: `type.Name`, `GetType().Name`, `typeof(T).Name`. */
function isTypeName(value: SyntaxNode): boolean {
  return /(?:^|[.\s)])Name$/.test(fallback(value).text.replace(/\s+/g, ''));
}

/**
 * The prefix a `MapGroup` call writes: a string expression, seen through local variables and
 * `??` defaults, with a type's name read by reflection as `TYPE_NAME`. Undefined when the
 * argument is no string at all (an object handed to a project's own `MapGroup` overload).
 */
export function groupPrefix(
  argument: SyntaxNode | undefined,
  local: (name: string) => SyntaxNode | undefined,
  depth = 0,
): StringExpression | undefined {
  if (!argument || depth > MAX_DEPTH) return undefined;
  const node = fallback(argument);
  if (node.type === 'identifier') {
    const value = local(node.text);
    if (!value) return csString(node);
    return isTypeName(value) ? [{ text: TYPE_NAME }] : groupPrefix(value, local, depth + 1);
  }
  const expression = csString(node);
  return expression?.flatMap((piece) => {
    if (!('ref' in piece) || piece.ref.includes('.')) return [piece];
    const value = local(piece.ref);
    if (!value) return [piece];
    if (isTypeName(value)) return [{ text: TYPE_NAME }];
    return groupPrefix(value, local, depth + 1) ?? [piece];
  });
}
