import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { childrenOf, keyText, type CallParts, type CallSyntax } from './call-syntax.js';

const FUNCTIONS = new Set(['arrow_function', 'function_expression', 'function']);

function callParts(node: SyntaxNode): CallParts | undefined {
  const callee = node.childForFieldName(node.type === 'new_expression' ? 'constructor' : 'function');
  if (!callee) return undefined;
  const member = callee.type === 'member_expression';
  const name = member ? callee.childForFieldName('property')?.text : callee.text;
  if (!name) return undefined;
  const receiver = member ? callee.childForFieldName('object') : null;
  const list = node.childForFieldName('arguments');
  const args = list ? childrenOf(list).filter((arg) => arg.type !== 'comment') : [];
  const callback = args.find((arg) => FUNCTIONS.has(arg.type));
  const block = callback?.childForFieldName('body') ?? undefined;
  return {
    name,
    ...(receiver ? { receiver } : {}),
    args: args.map((value) => ({ value })),
    ...(block ? { block } : {}),
  };
}

/** The name a function goes by: its own, a method's, or what it is assigned to (`exports.down = …`, `down: async () => …`). */
function functionName(node: SyntaxNode): string | undefined {
  const own = node.childForFieldName('name')?.text;
  if (own) return own;
  const parent = node.parent;
  if (parent?.type === 'pair') return keyText(parent.childForFieldName('key'));
  if (parent?.type === 'assignment_expression') {
    const left = parent.childForFieldName('left');
    return left?.type === 'member_expression' ? left.childForFieldName('property')?.text : left?.text;
  }
  if (parent?.type === 'variable_declarator') return parent.childForFieldName('name')?.text;
  return undefined;
}

/** JavaScript and TypeScript (Knex, TypeORM, Sequelize, node-pg-migrate). */
export const JAVASCRIPT_CALLS: CallSyntax = {
  calls: ['call_expression', 'new_expression'],
  functions: [
    'method_definition',
    'function_declaration',
    'function_expression',
    'arrow_function',
    'function',
  ],
  functionName,
  callParts,
  listItems: (node) => (node.type === 'array' ? childrenOf(node) : undefined),
  mapEntries: (node) =>
    node.type === 'object'
      ? childrenOf(node).flatMap((pair) => {
          const value = pair.childForFieldName('value');
          return pair.type === 'pair' && value
            ? [{ key: keyText(pair.childForFieldName('key')), value }]
            : [];
        })
      : undefined,
};
