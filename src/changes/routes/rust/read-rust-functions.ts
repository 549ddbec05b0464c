import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import type { RustFacts, RustRef } from './rust-facts.js';
import { functionId, type RustScopes } from './rust-scopes.js';
import { argumentsOf, listedPaths, named, unwrap } from './rust-syntax.js';

/** Calls that add to a local list of routes: `routes.append(&mut users::routes())`, `.extend(…)`, `.push(…)`. */
const GROWING = new Set(['append', 'extend', 'push']);
const MAX_DEPTH = 8;

/**
 * What is added to each local list of routes after its `let`, by the list's bound value: kept
 * while the file's calls are read, so a function that returns the list gives back all of it.
 */
export type GrownLists = Map<number, SyntaxNode[]>;

/** Records `list.append(&mut x)` / `list.extend(x)` / `list.push(x)` on a local; false for any other call. */
export function readGrowingCall(
  name: string,
  receiver: SyntaxNode,
  call: SyntaxNode,
  scopes: RustScopes,
  grown: GrownLists,
): boolean {
  const bound = GROWING.has(name) ? scopes.bindingOf(unwrap(receiver)) : undefined;
  const added = argumentsOf(call)[0];
  if (!bound || !added) return false;
  const list = grown.get(bound.startIndex) ?? [];
  list.push(added);
  grown.set(bound.startIndex, list);
  return true;
}

const listed = (path: string[]): RustRef => ({ kind: 'fn', path, listed: true });

/** `Vec::new()`, `Route::new(…)`, `Vec::with_capacity(n)`: a collection or a single hand-made route, no function that lists routes. */
function constructs(ref: RustRef): boolean {
  if (ref.kind !== 'call' || ref.method === true || ref.path.length < 2) return false;
  const [owner, name] = ref.path.slice(-2);
  return /^[A-Z]/.test(owner ?? '') && owner !== 'Self' && /^(?:new|with_capacity|default)$/.test(name ?? '');
}

/**
 * What a value a function gives back holds: the functions a `routes![…]` lists, a builder, a
 * call; for a local list (Rocket's `let mut routes = routes![a]; routes.append(&mut m::routes());
 * routes`) everything put in it; for `[a::routes(), b::routes()].concat()` each part.
 */
function gathered(node: SyntaxNode, scopes: RustScopes, grown: GrownLists, depth = 0): RustRef[] {
  const value = unwrap(node);
  if (depth > MAX_DEPTH) return [];
  if (value.type === 'macro_invocation') return listedPaths(value).map(listed);
  if (value.type === 'array_expression')
    return named(value).flatMap((part) => gathered(part, scopes, grown, depth + 1));
  const callee = value.type === 'call_expression' ? value.childForFieldName('function') : null;
  const joined = callee?.type === 'field_expression' ? callee.childForFieldName('value') : null;
  if (joined && callee?.childForFieldName('field')?.text === 'concat' && argumentsOf(value).length === 0)
    return gathered(joined, scopes, grown, depth + 1);
  const bound = scopes.bindingOf(value);
  if (bound)
    return [bound, ...(grown.get(bound.startIndex) ?? [])].flatMap((part) =>
      gathered(part, scopes, grown, depth + 1),
    );
  const ref = scopes.resolve(value);
  return constructs(ref) ? [] : [ref];
}

/** The builders and route lists a function gives back: its tail expression and its `return`s. */
export function readFunctions(
  scopeNodes: readonly SyntaxNode[],
  returned: readonly SyntaxNode[],
  scopes: RustScopes,
  grown: GrownLists,
  facts: RustFacts,
): void {
  const byId = new Map<string, RustRef[]>();
  for (const node of scopeNodes) {
    if (node.type !== 'function_item') continue;
    const name = node.childForFieldName('name')?.text;
    const tail = named(node.childForFieldName('body')).pop();
    const returns =
      tail && tail.type !== 'expression_statement' && tail.type !== 'let_declaration'
        ? gathered(tail, scopes, grown)
        : [];
    byId.set(functionId(node), returns);
    if (name) facts.functions.push({ id: functionId(node), name, returns });
  }
  for (const node of returned) {
    const value = named(node)[0];
    let owner: SyntaxNode | null = node.parent;
    while (owner && owner.type !== 'function_item' && owner.type !== 'closure_expression')
      owner = owner.parent;
    if (value && owner?.type === 'function_item')
      byId.get(functionId(owner))?.push(...gathered(value, scopes, grown));
  }
  for (const fn of facts.functions)
    fn.returns = fn.returns.filter(
      (ref) => ref.kind !== 'unknown' && (ref.kind !== 'fn' || ref.listed === true),
    );
}
