import type { SyntaxNode } from '../../../../code/syntax/parse-source.js';

/**
 * Calls as every grammar writes them, read into one shape: the name called, what it is called
 * on, and the arguments. For rules that care what is called with what, not how it is spelt.
 */

/** Call nodes across the grammars (`new SqlCommand(…)` is a call of the type's name). */
export const CALL_TYPES = [
  'call_expression',
  'call',
  'method_invocation',
  'invocation_expression',
  'object_creation_expression',
  'member_call_expression',
  'nullsafe_member_call_expression',
  'scoped_call_expression',
  'function_call_expression',
  'macro_invocation',
];

/** A call read from the tree. */
export interface CallShape {
  node: SyntaxNode;
  /** The method or function name: `query` in `db.query(…)`, `SqlCommand` in `new SqlCommand(…)`, `format` in `format!(…)`. */
  name: string;
  /** What the method is called on, when it is a method. */
  receiver: SyntaxNode | undefined;
  /** Positional arguments, unwrapped from the grammar's argument nodes. */
  args: SyntaxNode[];
  /** Named arguments (`where=[…]`, `text: sql`), by name. */
  named: Map<string, SyntaxNode>;
  /** A tagged template (`sql\`…${id}\``): the tag receives values apart from the text. */
  tagged: boolean;
}

const NAME_TYPES = new Set([
  'identifier',
  'property_identifier',
  'field_identifier',
  'name',
  'constant',
  'simple_identifier',
  'type_identifier',
  'private_property_identifier',
]);
const NAME_FIELDS = ['property', 'attribute', 'field', 'name', 'right', 'method'];
const RECEIVER_FIELDS = ['object', 'operand', 'value', 'expression', 'left', 'path', 'receiver', 'scope'];
const ARGUMENT_LISTS = new Set(['arguments', 'argument_list', 'value_arguments']);
const ARGUMENT_WRAPPERS = new Set(['argument', 'value_argument']);
const NAMED_ARGUMENTS = new Set(['keyword_argument', 'pair', 'named_argument']);
const SKIPPED = new Set([
  'comment',
  'line_comment',
  'block_comment',
  'annotated_lambda',
  'block',
  'do_block',
]);

/** The last name a callee or member chain ends in: `query` of `h.db.query`, `Query` of `conn.Query<User>`. */
export function nameOf(node: SyntaxNode | null | undefined): string {
  if (!node) return '';
  if (NAME_TYPES.has(node.type)) return node.text;
  if (node.type === 'generic_name') return node.firstNamedChild?.text ?? '';
  if (node.type === 'generic_function' || node.type === 'generic_type')
    return nameOf(
      node.childForFieldName('function') ?? node.childForFieldName('type') ?? node.firstNamedChild,
    );
  for (const field of NAME_FIELDS) {
    const named = node.childForFieldName(field);
    if (named) return nameOf(named);
  }
  return node.type === 'qualified_name' || node.type === 'navigation_expression'
    ? nameOf(node.lastNamedChild)
    : '';
}

/** What a member chain's last name is called on: `h.db` of `h.db.query`. */
function receiverOf(callee: SyntaxNode): SyntaxNode | undefined {
  for (const field of RECEIVER_FIELDS) {
    const found = callee.childForFieldName(field);
    if (found) return found;
  }
  if (callee.type === 'navigation_expression' && callee.namedChildCount > 1)
    return callee.firstNamedChild ?? undefined;
  return undefined;
}

function calleeOf(call: SyntaxNode): SyntaxNode | undefined {
  if (call.type === 'macro_invocation') return call.childForFieldName('macro') ?? undefined;
  return (
    call.childForFieldName('function') ??
    call.childForFieldName('target') ??
    call.childForFieldName('type') ??
    (call.type === 'call_expression' ? call.firstNamedChild : null) ??
    undefined
  );
}

/** Arguments of a call, positional ones unwrapped and named ones by name. */
function readArguments(list: SyntaxNode | undefined): Pick<CallShape, 'args' | 'named'> {
  const args: SyntaxNode[] = [];
  const named = new Map<string, SyntaxNode>();
  for (const child of list?.namedChildren ?? []) {
    if (!child || SKIPPED.has(child.type)) continue;
    let argument = child;
    if (ARGUMENT_WRAPPERS.has(child.type)) {
      const label = child.childForFieldName('name');
      const value = child.lastNamedChild;
      if (!value) continue;
      if (label && value.id !== label.id) {
        named.set(label.text, value);
        continue;
      }
      argument = value;
    }
    if (NAMED_ARGUMENTS.has(argument.type)) {
      const key = argument.childForFieldName('name') ?? argument.childForFieldName('key');
      const value = argument.childForFieldName('value') ?? argument.lastNamedChild;
      if (key && value) named.set(key.text.replace(/:$/, ''), value);
      continue;
    }
    args.push(argument);
  }
  return { args, named };
}

function argumentListOf(call: SyntaxNode): SyntaxNode | undefined {
  const field = call.childForFieldName('arguments');
  if (field) return field;
  return call.namedChildren.find((child) => child !== null && ARGUMENT_LISTS.has(child.type)) ?? undefined;
}

/** Reads a call node; undefined for a node that is not a call. */
export function readCall(call: SyntaxNode): CallShape | undefined {
  if (!CALL_TYPES.includes(call.type)) return undefined;
  const callee = calleeOf(call);
  const list = call.type === 'macro_invocation' ? undefined : argumentListOf(call);
  const direct = call.childForFieldName('name') ?? call.childForFieldName('method');
  const name = nameOf(direct ?? callee);
  if (!name) return undefined;
  const receiver =
    call.childForFieldName('object') ??
    call.childForFieldName('receiver') ??
    call.childForFieldName('scope') ??
    (callee && !direct ? receiverOf(callee) : undefined) ??
    undefined;
  const tagged = list?.type === 'template_string';
  return {
    node: call,
    name,
    receiver,
    tagged,
    ...(tagged ? { args: [], named: new Map() } : readArguments(list)),
  };
}

/** The operator of a binary expression or an assignment (`+`, `+=`, `<<`, `=`), from its field or its first token. */
export function operatorOf(node: SyntaxNode): string {
  const field = node.childForFieldName('operator');
  if (field) return field.text;
  for (const child of node.children) if (child && !child.isNamed && child.type !== '(') return child.type;
  return '';
}
