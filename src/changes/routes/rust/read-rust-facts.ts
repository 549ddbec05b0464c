import { lineOf } from '../../../code/syntax/node-text.js';
import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { selectNodes } from '../../../code/syntax/select-nodes.js';
import type { RouteFramework } from '../../change-analysis.js';
import type { RustFacts, RustMount, RustRef } from './rust-facts.js';
import { readFunctions, readGrowingCall, type GrownLists } from './read-rust-functions.js';
import { readRustScopes, RUST_SCOPE_NODE_TYPES, type RustScopes } from './rust-scopes.js';
import { argumentsOf, listedPaths, pathOf, prefixOf, readUse, unwrap } from './rust-syntax.js';
import { readAttributeRoute, readRouteCall } from './read-rust-routes.js';

const GROUPS = {
  scope: RUST_SCOPE_NODE_TYPES,
  use: ['use_declaration'],
  attribute: ['attribute_item'],
  call: ['call_expression'],
  returned: ['return_expression'],
};

const FRAMEWORK_CRATES: readonly [RegExp, RouteFramework][] = [
  [/\bactix_web\b/, 'actix-web'],
  [/\baxum\b/, 'axum'],
  [/\brocket\b/, 'rocket'],
];

/** Calls on a builder that attach another: what they attach, and under which prefix argument. */
const ATTACHING: Readonly<Record<string, RustMount['via']>> = {
  nest: 'nest',
  nest_service: 'nest',
  merge: 'merge',
  service: 'service',
  configure: 'configure',
  mount: 'mount',
};

function emptyFacts(frameworks: RouteFramework[]): RustFacts {
  return {
    frameworks,
    uses: {},
    globs: [],
    functions: [],
    builders: {},
    routes: [],
    attributes: [],
    mounts: [],
  };
}

const listed = (path: string[]): RustRef => ({ kind: 'fn', path, listed: true });

/** What an attached argument is: a builder, a function or closure, or the functions a `routes!`/`services!` macro lists. */
function attached(arg: SyntaxNode, scopes: RustScopes): RustRef[] {
  const node = unwrap(arg);
  if (node.type === 'macro_invocation') return listedPaths(node).map(listed);
  const ref = scopes.resolve(node);
  return ref.kind === 'unknown' ? [] : [ref];
}

/** A call on a builder: a route, or a mount of another builder, function or closure under it. */
function readMethodCall(
  call: SyntaxNode,
  callee: SyntaxNode,
  scopes: RustScopes,
  grown: GrownLists,
  facts: RustFacts,
): void {
  const name = callee.childForFieldName('field')?.text ?? '';
  const receiver = callee.childForFieldName('value');
  if (!receiver || readGrowingCall(name, receiver, call, scopes, grown)) return;
  if (name === 'route' || name === 'to') {
    const holder = scopes.resolve(receiver);
    const resource = holder.kind === 'builder' && scopes.builders[holder.id]?.kind === 'resource';
    if (name === 'to' && !resource) return;
    facts.routes.push(...readRouteCall(call, name, holder, resource));
    return;
  }
  const via = ATTACHING[name];
  if (via) {
    const args = argumentsOf(call);
    const prefixed = via === 'nest' || via === 'mount';
    const prefix = prefixed ? prefixOf(args[0]) : '';
    const child = prefixed ? args[1] : args[0];
    if (prefix === undefined || !child) return;
    const parent = scopes.resolve(receiver);
    for (const ref of attached(child, scopes))
      facts.mounts.push({ parent, child: ref, prefix, via, line: lineOf(call) });
    return;
  }
  // `self.register(cfg)`, `handlers.routes(&mut cfg)`: a builder handed to a method found by name.
  readPasses(call, { kind: 'fn', path: [name] }, scopes, facts);
}

/** Each argument that holds a builder is handed to the called function's parameter at its index. */
function readPasses(call: SyntaxNode, callee: RustRef, scopes: RustScopes, facts: RustFacts): void {
  argumentsOf(call).forEach((arg, index) => {
    const ref = scopes.resolve(arg);
    if (scopes.holdsBuilder(ref))
      facts.mounts.push({ parent: ref, child: callee, prefix: '', via: 'pass', index, line: lineOf(call) });
  });
}

function readCall(call: SyntaxNode, scopes: RustScopes, grown: GrownLists, facts: RustFacts): void {
  const callee = call.childForFieldName('function');
  if (callee?.type === 'field_expression') {
    readMethodCall(call, callee, scopes, grown, facts);
    return;
  }
  const path = pathOf(callee);
  if (path) readPasses(call, { kind: 'fn', path }, scopes, facts);
}

/** Where a call names what it calls: a chain's calls (`.route(a).route(b)`) start together but name their methods in order. */
function calledAt(call: SyntaxNode): number {
  const callee = call.childForFieldName('function');
  return (
    (callee?.type === 'field_expression' ? callee.childForFieldName('field') : callee)?.startIndex ??
    call.startIndex
  );
}

/** Everything one Rust file says about routing, from its syntax tree. */
export function readRustFacts(root: SyntaxNode): RustFacts {
  const text = root.text;
  const frameworks = FRAMEWORK_CRATES.filter(([pattern]) => pattern.test(text)).map(([, name]) => name);
  const facts = emptyFacts(frameworks);
  const nodes = selectNodes('rust', root, GROUPS);
  for (const node of nodes.use) readUse(node.childForFieldName('argument'), [], facts.uses, facts.globs);
  const scopes = readRustScopes(nodes.scope, root.endIndex, frameworks.includes('actix-web'));
  for (const node of nodes.attribute) facts.attributes.push(...readAttributeRoute(node));
  const grown: GrownLists = new Map();
  for (const call of [...nodes.call].sort((a, b) => calledAt(a) - calledAt(b)))
    readCall(call, scopes, grown, facts);
  readFunctions(nodes.scope, nodes.returned, scopes, grown, facts);
  Object.assign(facts.builders, scopes.builders);
  return facts;
}
