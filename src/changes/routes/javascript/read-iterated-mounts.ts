import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { lineOf, stringValue } from '../../../code/syntax/node-text.js';
import type { JavascriptMount, ValueRef } from './javascript-facts.js';
import { argumentsOf, isFunctionNode, propertyValue, unwrap } from './javascript-syntax.js';

const ITERATORS = new Set(['forEach', 'map']);

/** The key of an element a callback argument reads: `route.path` → `path`; a destructured `path` → `path`. */
function elementKey(
  node: SyntaxNode,
  element: string | undefined,
  fields: ReadonlySet<string>,
): string | undefined {
  const inner = unwrap(node);
  if (inner.type === 'member_expression' && inner.childForFieldName('object')?.text === element)
    return inner.childForFieldName('property')?.text;
  return inner.type === 'identifier' && fields.has(inner.text) ? inner.text : undefined;
}

/** The callback's element parameter: its name, or the fields it destructures (`({ path, route }) => …`). */
function elementParameter(fn: SyntaxNode): { name?: string; fields: Set<string> } | undefined {
  const single = fn.childForFieldName('parameter');
  const first =
    single ?? fn.childForFieldName('parameters')?.namedChildren.find((child) => child?.type !== 'comment');
  const pattern = first?.childForFieldName('pattern') ?? first;
  if (!pattern) return undefined;
  if (pattern.type === 'identifier') return { name: pattern.text, fields: new Set() };
  if (pattern.type !== 'object_pattern') return undefined;
  const fields = pattern.namedChildren
    .filter((child) => child?.type === 'shorthand_property_identifier_pattern')
    .map((child) => child?.text ?? '');
  return { fields: new Set(fields) };
}

/** The array literal a name is declared with, in the scopes around `from`. */
function declaredArray(from: SyntaxNode, name: string): SyntaxNode | undefined {
  for (let scope = from.parent; scope; scope = scope.parent) {
    for (const statement of scope.namedChildren) {
      if (statement?.type !== 'lexical_declaration' && statement?.type !== 'variable_declaration') continue;
      for (const declarator of statement.namedChildren) {
        const value = declarator?.childForFieldName('value');
        if (declarator?.childForFieldName('name')?.text === name && value && unwrap(value).type === 'array')
          return unwrap(value);
      }
    }
  }
  return undefined;
}

/** The object literals `fn` is called with, when it is the callback of `[…].forEach(fn)` or `routes.map(fn)`. */
function iteratedObjects(fn: SyntaxNode): SyntaxNode[] | undefined {
  const call = fn.parent?.parent;
  const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
  if (
    callee?.type !== 'member_expression' ||
    !ITERATORS.has(callee.childForFieldName('property')?.text ?? '')
  )
    return undefined;
  const receiver = callee.childForFieldName('object');
  if (!receiver) return undefined;
  const inner = unwrap(receiver);
  const array =
    inner.type === 'array'
      ? inner
      : inner.type === 'identifier'
        ? declaredArray(call ?? fn, inner.text)
        : undefined;
  return array?.namedChildren.filter((element): element is SyntaxNode => element?.type === 'object');
}

/**
 * `[{ path: '/auth', route: authRoute }, …].forEach((route) => router.use(route.path, route.route))`:
 * routers listed in an array and mounted in a loop, one mount per element. Undefined when the
 * call is not such a loop's mount.
 */
export function readIteratedUse(
  call: SyntaxNode,
  parent: ValueRef,
  childOf: (node: SyntaxNode) => ValueRef,
): JavascriptMount[] | undefined {
  const [first, second] = argumentsOf(call);
  if (!first || !second || stringValue(unwrap(first)) !== undefined) return undefined;
  let fn: SyntaxNode | null = call.parent;
  while (fn && !isFunctionNode(fn)) fn = fn.parent;
  const parameter = fn ? elementParameter(fn) : undefined;
  if (!fn || !parameter) return undefined;
  const pathKey = elementKey(first, parameter.name, parameter.fields);
  const childKey = elementKey(second, parameter.name, parameter.fields);
  const elements = pathKey && childKey ? iteratedObjects(fn) : undefined;
  if (!elements || !pathKey || !childKey) return undefined;
  return elements.flatMap((element) => {
    const prefix = stringValue(propertyValue(element, pathKey));
    const child = propertyValue(element, childKey);
    if (prefix === undefined || !child || !(prefix === '' || prefix.startsWith('/'))) return [];
    return [{ parent, child: childOf(child), prefix, via: 'use' as const, line: lineOf(element) }];
  });
}
