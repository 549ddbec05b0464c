import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { childrenOf, keyText, type CallParts, type CallSyntax } from './call-syntax.js';

const CLOSURES = new Set(['anonymous_function', 'arrow_function', 'anonymous_function_creation_expression']);

function callParts(node: SyntaxNode): CallParts | undefined {
  const name = node.childForFieldName('name')?.text;
  if (!name) return undefined;
  const receiver = node.childForFieldName('object') ?? node.childForFieldName('scope');
  const list = node.childForFieldName('arguments');
  let block: SyntaxNode | undefined;
  const args: CallParts['args'] = (list ? childrenOf(list) : []).flatMap((arg) => {
    const value = arg.type === 'argument' ? childrenOf(arg).find((child) => child.type !== 'name') : arg;
    if (!value) return [];
    if (CLOSURES.has(value.type)) block = value.childForFieldName('body') ?? value;
    const key = arg.type === 'argument' ? arg.childForFieldName('name')?.text : undefined;
    return [key ? { key, value } : { value }];
  });
  return { name, ...(receiver ? { receiver } : {}), args, ...(block ? { block } : {}) };
}

function elements(node: SyntaxNode): SyntaxNode[][] {
  return childrenOf(node)
    .filter((child) => child.type === 'array_element_initializer')
    .map((element) => childrenOf(element));
}

/** PHP (Laravel): `Schema::table('t', function (Blueprint $table) { $table->string('x')->nullable(); })`. */
export const PHP_CALLS: CallSyntax = {
  calls: ['member_call_expression', 'scoped_call_expression', 'nullsafe_member_call_expression'],
  functions: ['method_declaration'],
  functionName: (node) => node.childForFieldName('name')?.text,
  callParts,
  listItems: (node) =>
    node.type === 'array_creation_expression' && elements(node).every((parts) => parts.length === 1)
      ? elements(node).flatMap((parts) => parts)
      : undefined,
  mapEntries: (node) =>
    node.type === 'array_creation_expression' && elements(node).some((parts) => parts.length === 2)
      ? elements(node).flatMap(([key, value]) => (key && value ? [{ key: keyText(key), value }] : []))
      : undefined,
};
