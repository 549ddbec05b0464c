import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { stringValue } from '../../../code/syntax/node-text.js';
import { compactSignature } from '../route-entry.js';

/** One call of a chain: `prefix('admin')` in `Route::prefix('admin')->group(…)`. */
export interface ChainCall {
  name: string;
  /** Argument values, in order (named arguments too: see `names`). */
  args: SyntaxNode[];
  /** The name of each named argument (`apiPrefix:`), by position. */
  names: (string | undefined)[];
}

/** `Route::x(…)->y(…)->z(…)`, or the same on a `$router`: its calls from the receiver outwards. */
export interface CallChain {
  calls: ChainCall[];
  /** Offsets of the whole chain, and the line it starts on. */
  start: number;
  end: number;
  line: number;
}

/** The facade and the variables Laravel's route files and providers declare routes on. */
const ROUTE_FACADE = /^\\?(?:Illuminate\\Support\\Facades\\)?Route$/;
const ROUTER_VARIABLES = /^\$(router|route|routes)$/;

function readCall(node: SyntaxNode): ChainCall {
  const args: SyntaxNode[] = [];
  const names: (string | undefined)[] = [];
  for (const argument of node.childForFieldName('arguments')?.namedChildren ?? []) {
    const value = argument?.namedChildren[argument.namedChildren.length - 1];
    if (!argument || !value) continue;
    args.push(value);
    names.push(argument.childForFieldName('name')?.text);
  }
  return { name: node.childForFieldName('name')?.text ?? '', args, names };
}

/**
 * The chain a call starts, when it is the first call on the `Route` facade (`Route::get`) or on
 * a router variable (`$router->get`): the calls chained on it are read by walking up the tree,
 * one parent per call.
 */
export function chainFrom(node: SyntaxNode): CallChain | undefined {
  if (node.type === 'scoped_call_expression') {
    if (!ROUTE_FACADE.test(node.childForFieldName('scope')?.text ?? '')) return undefined;
  } else {
    const object = node.childForFieldName('object');
    if (object?.type !== 'variable_name' || !ROUTER_VARIABLES.test(object.text)) return undefined;
  }
  const calls = [readCall(node)];
  let outer = node;
  for (let parent = node.parent; parent?.type === 'member_call_expression'; parent = parent.parent) {
    if (parent.childForFieldName('object')?.id !== outer.id) break;
    calls.push(readCall(parent));
    outer = parent;
  }
  return { calls, start: node.startIndex, end: outer.endIndex, line: node.startPosition.row + 1 };
}

/** True for a closure: `function () { … }` or `fn () => …`. */
export function isClosure(node: SyntaxNode | undefined): boolean {
  return node?.type === 'anonymous_function' || node?.type === 'arrow_function';
}

/** An argument as it counts in a signature: a closure's body never does. */
function argumentText(node: SyntaxNode): string {
  return isClosure(node) ? 'closure' : node.text;
}

/** The text of a chain's calls, leaving out the arguments `skip` names (a route's path, `match`'s methods). */
export function chainSignature(
  calls: readonly ChainCall[],
  skip: ReadonlySet<SyntaxNode> = new Set(),
): string {
  const text = calls
    .map(
      (call) =>
        `${call.name}(${call.args
          .filter((arg) => !skip.has(arg))
          .map(argumentText)
          .join(',')})`,
    )
    .join('->');
  return compactSignature(text);
}

/** The strings of a string or an array of strings (`['index', 'show']`). */
export function stringsOf(node: SyntaxNode | undefined): string[] {
  if (!node) return [];
  const single = stringValue(node);
  if (single !== undefined) return [single];
  if (node.type !== 'array_creation_expression') return [];
  return node.namedChildren.flatMap((element) => {
    const value = element?.namedChildren[element.namedChildren.length - 1];
    const text = value ? stringValue(value) : undefined;
    return text === undefined ? [] : [text];
  });
}

/** `'key' => value` entries of an array literal, by key. */
export function arrayEntries(node: SyntaxNode | undefined): Map<string, SyntaxNode> {
  const entries = new Map<string, SyntaxNode>();
  if (node?.type !== 'array_creation_expression') return entries;
  for (const element of node.namedChildren) {
    const [key, value] = element?.namedChildren ?? [];
    const name = key ? stringValue(key) : undefined;
    if (name !== undefined && value && element?.namedChildren.length === 2) entries.set(name, value);
  }
  return entries;
}

/** `UserController::class` → `UserController` (the class's short name). */
export function className(node: SyntaxNode | undefined): string | undefined {
  if (node?.type !== 'class_constant_access_expression') return undefined;
  const [owner, constant] = node.namedChildren;
  if (constant?.text !== 'class' || !owner) return undefined;
  return owner.text.split('\\').pop();
}
