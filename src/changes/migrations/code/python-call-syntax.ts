import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { childrenOf, keyText, type CallParts, type CallSyntax } from './call-syntax.js';

/** `with op.batch_alter_table("t") as batch_op:`: the `with` body is the call's block. */
function withBody(node: SyntaxNode): SyntaxNode | undefined {
  let current: SyntaxNode | null = node.parent;
  for (let depth = 0; current && depth < 4; depth++, current = current.parent) {
    if (current.type === 'with_statement') return current.childForFieldName('body') ?? undefined;
    if (!['with_item', 'as_pattern', 'with_clause'].includes(current.type)) return undefined;
  }
  return undefined;
}

function callParts(node: SyntaxNode): CallParts | undefined {
  const callee = node.childForFieldName('function');
  if (!callee) return undefined;
  const attribute = callee.type === 'attribute' ? callee.childForFieldName('attribute') : null;
  const name = attribute?.text ?? (callee.type === 'identifier' ? callee.text : undefined);
  if (!name) return undefined;
  const receiver = callee.type === 'attribute' ? callee.childForFieldName('object') : null;
  const args: CallParts['args'] = childrenOf(node.childForFieldName('arguments') ?? callee)
    .filter((arg) => node.childForFieldName('arguments') !== null && arg.type !== 'comment')
    .flatMap((arg) => {
      if (arg.type !== 'keyword_argument') return [{ value: arg }];
      const value = arg.childForFieldName('value');
      return value ? [{ key: arg.childForFieldName('name')?.text ?? '', value }] : [];
    });
  const block = withBody(node);
  return { name, ...(receiver ? { receiver } : {}), args, ...(block ? { block } : {}) };
}

/** Python (Django, Alembic): `migrations.AddField(model_name="book", …)`, `op.add_column("t", sa.Column(…))`. */
export const PYTHON_CALLS: CallSyntax = {
  calls: ['call'],
  functions: ['function_definition'],
  functionName: (node) => node.childForFieldName('name')?.text,
  callParts,
  listItems: (node) => (node.type === 'list' || node.type === 'tuple' ? childrenOf(node) : undefined),
  mapEntries: (node) =>
    node.type === 'dictionary'
      ? childrenOf(node).flatMap((pair) => {
          const value = pair.childForFieldName('value');
          return pair.type === 'pair' && value
            ? [{ key: keyText(pair.childForFieldName('key')), value }]
            : [];
        })
      : undefined,
};
