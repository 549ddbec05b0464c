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

const STATEMENT_PARENTS = new Set(['body_statement', 'program', 'do_block', 'block_body', 'then', 'else']);

/**
 * A heredoc's text (`execute <<~SQL … SQL`): the body is a sibling of the statement that
 * opens it. Blank lines pad it so its first line is the line of `<<~SQL`, as SQL read from
 * the value's line expects.
 */
function heredoc(node: SyntaxNode): string | undefined {
  if (node.type !== 'heredoc_beginning') return undefined;
  let statement: SyntaxNode | null = node;
  while (statement?.parent && !STATEMENT_PARENTS.has(statement.parent.type)) statement = statement.parent;
  let body = statement?.nextNamedSibling ?? null;
  while (body && body.type !== 'heredoc_body' && body.startPosition.row === node.startPosition.row)
    body = body.nextNamedSibling;
  if (body?.type !== 'heredoc_body') return undefined;
  const end = childrenOf(body).find((child) => child.type === 'heredoc_end');
  const content = body.text.slice(0, end ? end.startIndex - body.startIndex : undefined);
  const padding = '\n'.repeat(Math.max(0, body.startPosition.row - node.startPosition.row));
  return padding + content;
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
  literal: heredoc,
};
