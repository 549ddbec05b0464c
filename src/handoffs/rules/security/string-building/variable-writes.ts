import type { Grammar } from '../../../../code/syntax/grammar.js';
import type { SyntaxNode } from '../../../../code/syntax/parse-source.js';
import { selectNodes } from '../../../../code/syntax/select-nodes.js';
import { FUNCTION_TYPES } from '../../../../code/view/node-kinds.js';
import { CALL_TYPES, operatorOf, readCall } from './call-shape.js';

/**
 * Where a variable gets its value, as the syntax tree has it: the assignments (and appends) to a
 * name inside the function that uses it, or the parameter it is. Flow is not followed: every write
 * before the use counts, which errs on the side of reporting.
 */

/** One write of a variable: the node that writes it (for anchoring) and the expression written. */
export interface VariableWrite {
  node: SyntaxNode;
  /** Undefined for a declaration without a value (`var conds []string`): it starts empty. */
  value: SyntaxNode | undefined;
  /** `+=`, `.=`, `<<`, `append(…)`: the value is added to what the variable held. */
  appends: boolean;
}

/** Functions, methods, lambdas and blocks: where a variable's writes are looked for. */
export const FUNCTIONS = new Set(FUNCTION_TYPES);
const NAME_TYPES = new Set(['identifier', 'variable_name', 'simple_identifier', 'instance_variable']);
const PATTERN_NAME_TYPES = new Set([...NAME_TYPES, 'shorthand_property_identifier_pattern']);
/** Loops that bind a variable to each element of a collection: `for (const c of cols)`, `for c in cols`, `range cols`. */
const LOOP_BINDINGS =
  'for_in_statement for_statement range_clause enhanced_for_statement foreach_statement for_expression for'.split(
    ' ',
  );
const WRITE_GROUPS = {
  write: [
    ...`variable_declarator assignment_expression augmented_assignment_expression assignment augmented_assignment
      operator_assignment short_var_declaration assignment_statement var_spec const_spec let_declaration
      compound_assignment_expr property_declaration const_item static_item binary_operator binary`
      .trim()
      .split(/\s+/),
    ...LOOP_BINDINGS,
  ],
  call: CALL_TYPES,
};
/** Methods that add to a string builder or a list of pieces: `sb.append(x)`, `query.push_str(x)`, `where.push(x)`. */
const APPEND_METHODS = new Set([
  'append',
  'Append',
  'AppendLine',
  'AppendFormat',
  'push_str',
  'push',
  'add',
  'Add',
]);
const APPEND_OPERATORS = new Set(['+=', '.=', '<<', '<>=']);

/** The function (method, lambda, block) a node is written in; undefined at the top of the file. */
export function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let parent = node.parent; parent; parent = parent.parent)
    if (FUNCTIONS.has(parent.type)) return parent;
  return undefined;
}

/** True when `target` is the variable `name`, or a pattern that binds it (`{ name } = req.query`). */
function binds(target: SyntaxNode | null, name: string): boolean {
  if (!target) return false;
  if (PATTERN_NAME_TYPES.has(target.type)) return target.text === name;
  if (/pattern|expression_list|tuple|array|destructuring|list$/.test(target.type))
    return target.namedChildren.some((child) => binds(child, name));
  if (target.type === 'pair_pattern') return binds(target.childForFieldName('value'), name);
  return false;
}

/** Go's `a, b := x, y` pairs names with values by position; `rows, err := query()` takes the one call. */
function pairedValue(left: SyntaxNode, right: SyntaxNode, name: string): SyntaxNode | undefined {
  if (left.type !== 'expression_list' || right.type !== 'expression_list') return right;
  const index = left.namedChildren.findIndex((child) => child?.text === name);
  return (right.namedChildCount === 1 ? right.firstNamedChild : right.namedChild(index)) ?? undefined;
}

function sides(node: SyntaxNode): { target: SyntaxNode | null; value: SyntaxNode | null } {
  const target =
    node.childForFieldName('left') ??
    node.childForFieldName('name') ??
    node.childForFieldName('pattern') ??
    node.namedChildren.find((child) => child?.type === 'variable_declaration')?.firstNamedChild ??
    null;
  // C#'s declarator and Kotlin's property keep the value unnamed, last; a declaration without one ends in its name or type.
  const last = node.lastNamedChild;
  const unnamed =
    last && !/type|variable_declaration/.test(last.type) && last.id !== target?.id ? last : null;
  return { target, value: node.childForFieldName('right') ?? node.childForFieldName('value') ?? unnamed };
}

function assignmentWrite(node: SyntaxNode, name: string): VariableWrite | undefined {
  if (node.type === 'binary_operator' && operatorOf(node) !== '=') return undefined;
  if (node.type === 'binary' && operatorOf(node) !== '<<') return undefined;
  const { target, value } = sides(node);
  if (!target || !binds(target, name)) return undefined;
  const paired = value ? pairedValue(target, value, name) : undefined;
  if (value && !paired) return undefined;
  const appends =
    /augmented|operator_assignment|compound/.test(node.type) || APPEND_OPERATORS.has(operatorOf(node));
  return {
    node: node.type === 'variable_declarator' && node.parent ? node.parent : node,
    value: paired,
    appends,
  };
}

/** `sb.append(a).append(b)`: each append whose chain starts at the variable writes its argument. */
function appendWrite(node: SyntaxNode, name: string): VariableWrite | undefined {
  const call = readCall(node);
  if (!call || !APPEND_METHODS.has(call.name) || !call.args[0]) return undefined;
  let receiver = call.receiver;
  for (
    let inner = receiver && readCall(receiver);
    inner && APPEND_METHODS.has(inner.name);
    inner = readCall(inner.receiver ?? inner.node)
  )
    receiver = inner.receiver;
  if (receiver?.text !== name) return undefined;
  return { node, value: call.name === 'AppendFormat' ? node : call.args[0], appends: true };
}

const writesByScope = new WeakMap<SyntaxNode, Map<number, SyntaxNode[]>>();

/** Nodes that may write a variable, directly inside `scope` (not in a function nested in it). */
function writeNodes(grammar: Grammar, root: SyntaxNode, scope: SyntaxNode | undefined): SyntaxNode[] {
  const cache = writesByScope.get(root) ?? new Map<number, SyntaxNode[]>();
  writesByScope.set(root, cache);
  const key = scope?.id ?? -1;
  const known = cache.get(key);
  if (known) return known;
  const { write, call } = selectNodes(grammar, scope ?? root, WRITE_GROUPS);
  const nodes = [...write, ...call].filter((node) => enclosingFunction(node)?.id === scope?.id);
  cache.set(key, nodes);
  return nodes;
}

/**
 * Writes of `name` in `scope` (a function, or the top of the file when undefined) that end before
 * `before` (a source offset); at the top of the file, fields and constants count wherever they stand.
 */
export function writesOf(
  grammar: Grammar,
  root: SyntaxNode,
  scope: SyntaxNode | undefined,
  name: string,
  before: number,
): VariableWrite[] {
  const writes: VariableWrite[] = [];
  for (const node of writeNodes(grammar, root, scope)) {
    if (!node.text.includes(name)) continue;
    const write = CALL_TYPES.includes(node.type) ? appendWrite(node, name) : assignmentWrite(node, name);
    // A loop binds its variable before its body, where the variable is used.
    const bound = LOOP_BINDINGS.includes(node.type) ? (write?.value ?? node) : node;
    if (write && !(scope && bound.endIndex > before)) writes.push(write);
  }
  return writes.sort((a, b) => a.node.startIndex - b.node.startIndex);
}

const PARAMETER_LISTS = new Set([
  'parameters',
  'formal_parameters',
  'parameter_list',
  'function_value_parameters',
  'method_parameters',
  'block_parameters',
  'lambda_parameters',
  'closure_parameters',
]);

/** The parameter list of a function; Elixir's `def name(a, b) do` keeps it in the call that owns the block. */
function parameterList(fn: SyntaxNode): SyntaxNode | undefined {
  const field = fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter');
  if (field) return field;
  const list = fn.namedChildren.find((child) => child !== null && PARAMETER_LISTS.has(child.type));
  if (list) return list;
  if (fn.type !== 'do_block' || fn.parent?.type !== 'call') return undefined;
  const head = fn.parent.namedChildren.find((child) => child?.type === 'arguments')?.firstNamedChild;
  return head?.namedChildren.find((child) => child?.type === 'arguments') ?? undefined;
}

/** True for a name node that declares a parameter, not one inside its type or annotations. */
function declares(node: SyntaxNode, name: string, entry: SyntaxNode): boolean {
  if (!NAME_TYPES.has(node.type) || node.text !== name) return false;
  for (let parent = node.parent; parent && parent.id !== entry.id; parent = parent.parent)
    if (/type|annotation|attribute|modifier|decorator/.test(parent.type)) return false;
  return true;
}

function findDeclaring(node: SyntaxNode, name: string, entry: SyntaxNode): boolean {
  if (declares(node, name, entry)) return true;
  return node.namedChildren.some((child) => child !== null && findDeclaring(child, name, entry));
}

/** The parameter of `fn` named `name` (its whole entry: annotations, type and name), if it has one. */
export function parameterOf(fn: SyntaxNode, name: string): SyntaxNode | undefined {
  const list = parameterList(fn);
  if (!list) return undefined;
  if (declares(list, name, list.parent ?? list)) return list;
  return list.namedChildren.find((entry) => entry !== null && findDeclaring(entry, name, entry)) ?? undefined;
}
