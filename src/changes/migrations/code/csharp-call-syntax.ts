import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { childrenOf, type CallParts, type CallSyntax } from './call-syntax.js';

function callParts(node: SyntaxNode): CallParts | undefined {
  const callee = node.childForFieldName('function');
  if (!callee) return undefined;
  const member = callee.type === 'member_access_expression';
  const nameNode = member ? callee.childForFieldName('name') : callee;
  // `AddColumn<string>` is a generic name: its first child is the identifier.
  const name = nameNode?.type === 'generic_name' ? childrenOf(nameNode)[0]?.text : nameNode?.text;
  if (!name) return undefined;
  const receiver = member ? callee.childForFieldName('expression') : null;
  let block: SyntaxNode | undefined;
  const list = node.childForFieldName('arguments');
  const args: CallParts['args'] = (list ? childrenOf(list) : []).flatMap((arg) => {
    const key = arg.childForFieldName('name')?.text;
    const value = childrenOf(arg).find((child) => child.id !== arg.childForFieldName('name')?.id);
    if (!value) return [];
    if (value.type === 'lambda_expression') block = value.childForFieldName('body') ?? value;
    return [key ? { key, value } : { value }];
  });
  return { name, ...(receiver ? { receiver } : {}), args, ...(block ? { block } : {}) };
}

/** C# (EF Core): `migrationBuilder.AddColumn<string>(name: "Street", table: "Customers", nullable: false)`. */
export const CSHARP_CALLS: CallSyntax = {
  calls: ['invocation_expression'],
  functions: ['method_declaration'],
  functionName: (node) => node.childForFieldName('name')?.text,
  callParts,
  listItems: (node) =>
    ['array_creation_expression', 'implicit_array_creation_expression', 'collection_expression'].includes(
      node.type,
    )
      ? childrenOf(
          node.type === 'collection_expression' ? node : (node.childForFieldName('initializer') ?? node),
        )
          .flatMap((child) => (child.type === 'initializer_expression' ? childrenOf(child) : [child]))
          .filter((child) => !['array_type', 'rank_specifier'].includes(child.type))
      : undefined,
  mapEntries: () => undefined,
};
