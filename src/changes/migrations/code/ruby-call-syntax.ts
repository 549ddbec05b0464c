import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { childrenOf, keyText, type CallParts, type CallSyntax } from './call-syntax.js';

function callParts(node: SyntaxNode): CallParts | undefined {
  const method = node.childForFieldName('method');
  if (!method) return undefined;
  const list = node.childForFieldName('arguments');
  const args: CallParts['args'] = (list ? childrenOf(list) : []).flatMap((arg) => {
    if (arg.type !== 'pair') return [{ value: arg }];
    const value = arg.childForFieldName('value');
    return value ? [{ key: keyText(arg.childForFieldName('key')), value }] : [];
  });
  const receiver = node.childForFieldName('receiver');
  const block = node.childForFieldName('block');
  return {
    name: method.text,
    ...(receiver ? { receiver } : {}),
    args,
    ...(block ? { block } : {}),
  };
}

/** Ruby (Rails migrations): `add_column :t, :c, null: false`, `create_table :t do |t| … end`. */
export const RUBY_CALLS: CallSyntax = {
  calls: ['call'],
  functions: ['method'],
  functionName: (node) => node.childForFieldName('name')?.text,
  callParts,
  listItems: (node) => (node.type === 'array' ? childrenOf(node) : undefined),
  mapEntries: (node) =>
    node.type === 'hash'
      ? childrenOf(node).flatMap((pair) => {
          const value = pair.childForFieldName('value');
          return pair.type === 'pair' && value
            ? [{ key: keyText(pair.childForFieldName('key')), value }]
            : [];
        })
      : undefined,
};
