import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { childrenOf, keyText, type CallParts, type CallSyntax } from './call-syntax.js';

function keywordEntries(node: SyntaxNode): { key: string; value: SyntaxNode }[] {
  return childrenOf(node).flatMap((pair) => {
    const value = pair.childForFieldName('value');
    return pair.type === 'pair' && value ? [{ key: keyText(pair.childForFieldName('key')), value }] : [];
  });
}

function callParts(node: SyntaxNode): CallParts | undefined {
  const target = node.childForFieldName('target');
  if (!target) return undefined;
  const dotted = target.type === 'dot';
  const name = dotted ? target.childForFieldName('right')?.text : target.text;
  if (!name) return undefined;
  const receiver = dotted ? target.childForFieldName('left') : null;
  const list = childrenOf(node).find((child) => child.type === 'arguments');
  const args: CallParts['args'] = (list ? childrenOf(list) : []).flatMap((arg) =>
    arg.type === 'keywords' ? keywordEntries(arg) : [{ value: arg }],
  );
  const block = childrenOf(node).find((child) => child.type === 'do_block');
  return { name, ...(receiver ? { receiver } : {}), args, ...(block ? { block } : {}) };
}

/** Elixir (Ecto): `alter table(:users) do add :age, :integer, null: false end`. */
export const ELIXIR_CALLS: CallSyntax = {
  calls: ['call'],
  functions: ['call'],
  // `def down do … end` is a call of `def` whose first argument names the function.
  functionName: (node) => {
    const target = node.childForFieldName('target')?.text;
    if (target !== 'def' && target !== 'defp') return undefined;
    const list = childrenOf(node).find((child) => child.type === 'arguments');
    const first = list ? childrenOf(list)[0] : undefined;
    return first?.type === 'call' ? first.childForFieldName('target')?.text : first?.text;
  },
  callParts,
  listItems: (node) => (node.type === 'list' ? childrenOf(node) : undefined),
  mapEntries: (node) =>
    node.type === 'keywords' ? keywordEntries(node) : node.type === 'list' ? undefined : undefined,
  literal: (node) => (node.type === 'atom' ? node.text.replace(/^:"?|"$/g, '') : undefined),
};
