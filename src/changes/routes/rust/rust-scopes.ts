import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { innermostRange } from '../innermost-range.js';
import type { RustBuilder, RustRef } from './rust-facts.js';
import { argumentsOf, named, pathOf, stringOf, unwrap } from './rust-syntax.js';

/** A function's or closure's names: its parameters and what its `let`s bind, in order. */
interface Scope {
  id: string;
  start: number;
  end: number;
  parent: Scope | undefined;
  params: Map<string, { index: number; type: string }>;
  bindings: Map<string, { at: number; value: SyntaxNode }[]>;
}

/** The node types that open a scope or bind a name. */
export const RUST_SCOPE_NODE_TYPES = ['function_item', 'closure_expression', 'let_declaration'];

/** Parameter types that hold a route builder; an untyped closure parameter may too. */
const BUILDER_TYPE = /\b(?:ServiceConfig|Router|Scope|Resource|App|Rocket|Build)\b|^$/;

/** The id of a function or closure: its offset in the file. */
export function functionId(node: SyntaxNode): string {
  return `f${node.startIndex}`;
}

/** Names in scope across one Rust file, and what each expression refers to. */
export interface RustScopes {
  /** Builders the file makes, by id, with their own prefixes. */
  builders: Record<string, RustBuilder>;
  resolve(node: SyntaxNode): RustRef;
  /** The value a local name is bound to where it is used (`routes` → the `Vec::new()` of `let mut routes = …`). */
  bindingOf(node: SyntaxNode): SyntaxNode | undefined;
  /** True when a reference may hold a route builder: one the file makes, or a parameter of a builder type. */
  holdsBuilder(ref: RustRef): boolean;
}

function readParams(fn: SyntaxNode, scope: Scope): void {
  let index = 0;
  for (const param of named(fn.childForFieldName('parameters'))) {
    if (param.type === 'self_parameter') continue;
    const pattern = param.type === 'parameter' ? param.childForFieldName('pattern') : param;
    const type = param.type === 'parameter' ? (param.childForFieldName('type')?.text ?? '') : '';
    if (pattern?.type === 'identifier') scope.params.set(pattern.text, { index, type });
    index++;
  }
}

function bind(node: SyntaxNode, scope: Scope): void {
  const pattern = node.childForFieldName('pattern');
  const value = node.childForFieldName('value');
  const name = pattern?.type === 'mut_pattern' ? named(pattern)[0] : pattern;
  if (name?.type !== 'identifier' || !value) return;
  // A name is bound once its statement ends: `let app = app.route(…)` reads the previous `app`.
  const list = scope.bindings.get(name.text) ?? [];
  list.push({ at: node.endIndex, value });
  scope.bindings.set(name.text, list);
}

/**
 * Reads every scope of a Rust file once, so names resolve wherever they are used. `nodes`
 * are the file's nodes of `RUST_SCOPE_NODE_TYPES` in document order; `actix` says whether the
 * file uses Actix (a bare `scope("/x")` is then `web::scope`).
 */
export function readRustScopes(nodes: readonly SyntaxNode[], rootEnd: number, actix: boolean): RustScopes {
  const root: Scope = {
    id: '',
    start: 0,
    end: rootEnd,
    parent: undefined,
    params: new Map(),
    bindings: new Map(),
  };
  const ranges: Scope[] = [];
  const open: Scope[] = [root];
  for (const node of nodes) {
    while (open.length > 1 && (open[open.length - 1]?.end ?? 0) <= node.startIndex) open.pop();
    const scope = open[open.length - 1] ?? root;
    if (node.type === 'let_declaration') {
      bind(node, scope);
      continue;
    }
    const inner: Scope = {
      id: functionId(node),
      start: node.startIndex,
      end: node.endIndex,
      parent: scope,
      params: new Map(),
      bindings: new Map(),
    };
    readParams(node, inner);
    ranges.push(inner);
    open.push(inner);
  }
  return createResolver(root, (position) => innermostRange(ranges, position, root), actix);
}

/** What a constructor call makes: `App::new()`, `Router::new()`, `web::scope("/x")`, `Resource::new("/x")`, `rocket::build()`. */
function constructed(path: readonly string[], call: SyntaxNode, actix: boolean): RustBuilder | undefined {
  const [owner, name] = path.length >= 2 ? path.slice(-2) : [undefined, path[0]];
  const bare = owner === undefined && actix;
  if (name === 'new' && owner === 'App') return { kind: 'app' };
  if (name === 'new' && owner === 'Router') return { kind: 'router' };
  if (owner === 'rocket' && (name === 'build' || name === 'custom')) return { kind: 'rocket' };
  const scope =
    (owner === 'web' || bare) && name === 'scope'
      ? 'scope'
      : owner === 'Scope' && name === 'new'
        ? 'scope'
        : undefined;
  const resource =
    (owner === 'web' || bare) && name === 'resource'
      ? 'resource'
      : owner === 'Resource' && name === 'new'
        ? 'resource'
        : undefined;
  const kind = scope ?? resource;
  if (!kind) return undefined;
  const prefix = stringOf(argumentsOf(call)[0]);
  return prefix === undefined ? { kind } : { kind, prefix };
}

function createResolver(root: Scope, scopeAt: (position: number) => Scope, actix: boolean): RustScopes {
  const builders: Record<string, RustBuilder> = {};
  const classified = new Map<number, RustRef>();
  const resolving = new Set<number>();
  const paramTypes = new Map<string, string>();

  const lookup = (name: string, position: number): RustRef | SyntaxNode | undefined => {
    for (let scope: Scope | undefined = scopeAt(position); scope; scope = scope.parent) {
      const bindings = scope.bindings.get(name)?.filter((binding) => binding.at < position);
      const latest = bindings?.[bindings.length - 1];
      if (latest) return latest.value;
      const param = scope.params.get(name);
      if (param !== undefined) {
        paramTypes.set(`${scope.id}|${param.index}`, param.type);
        return { kind: 'param', fn: scope.id, index: param.index };
      }
    }
    return undefined;
  };

  const classifyName = (node: SyntaxNode): RustRef => {
    const found = lookup(node.text, node.startIndex);
    if (found === undefined) return { kind: 'fn', path: [node.text] };
    if (!('startIndex' in found)) return found;
    const known = classified.get(found.startIndex);
    if (known) return known;
    if (resolving.has(found.startIndex)) return { kind: 'unknown' };
    resolving.add(found.startIndex);
    try {
      const ref = classify(found);
      classified.set(found.startIndex, ref);
      return ref;
    } finally {
      resolving.delete(found.startIndex);
    }
  };

  // The builders a call hands on, by argument index (others unknown), when it hands any.
  const passed = (call: SyntaxNode): { args?: RustRef[] } => {
    const args = argumentsOf(call).map((arg) => {
      const ref = classify(arg);
      return ref.kind === 'builder' || ref.kind === 'param' ? ref : { kind: 'unknown' as const };
    });
    return args.some((ref) => ref.kind !== 'unknown') ? { args } : {};
  };

  const classifyCall = (node: SyntaxNode): RustRef => {
    const callee = node.childForFieldName('function');
    if (callee?.type === 'field_expression') {
      const receiver = classify(callee.childForFieldName('value') ?? callee);
      // Builder methods give back their builder (`.route(…)`, `.service(…)`, `.layer(…)`, `.with_state(…)`).
      if (receiver.kind !== 'unknown' && receiver.kind !== 'fn') return receiver;
      const name = callee.childForFieldName('field')?.text;
      return name === undefined
        ? { kind: 'unknown' }
        : { kind: 'call', path: [name], method: true, ...passed(node) };
    }
    const path = pathOf(callee);
    if (!path) return { kind: 'unknown' };
    const builder = constructed(path, node, actix);
    if (!builder) return { kind: 'call', path, ...passed(node) };
    const id = `b${node.startIndex}`;
    builders[id] = builder;
    return { kind: 'builder', id };
  };

  const classify = (value: SyntaxNode): RustRef => {
    const node = unwrap(value);
    switch (node.type) {
      case 'identifier':
      case 'self':
        return classifyName(node);
      case 'scoped_identifier':
      case 'generic_function':
        // `handlers::config`, `configure_endpoint::<Backend>`: a function named as a value.
        return { kind: 'fn', path: pathOf(node) ?? [] };
      case 'closure_expression':
        return { kind: 'closure', fn: functionId(node) };
      case 'call_expression':
        return classifyCall(node);
      default:
        return { kind: 'unknown' };
    }
  };

  return {
    builders,
    resolve: classify,
    bindingOf: (node) => {
      if (node.type !== 'identifier') return undefined;
      const found = lookup(node.text, node.startIndex);
      return found && 'startIndex' in found ? found : undefined;
    },
    holdsBuilder: (ref) =>
      ref.kind === 'builder' ||
      (ref.kind === 'param' && BUILDER_TYPE.test(paramTypes.get(`${ref.fn}|${ref.index}`) ?? '')),
  };
}
