import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { stringValue } from '../../../code/syntax/node-text.js';
import { innermostRange } from '../innermost-range.js';
import type { ValueRef } from './javascript-facts.js';
import {
  argumentsOf,
  isFunctionNode,
  memberPath,
  parameterNames,
  propertyValue,
  unwrap,
} from './javascript-syntax.js';

/** A function's (or the module's) names: its parameters and what its declarations bind. */
interface Scope {
  id: string;
  parent: Scope | undefined;
  params: Map<string, number>;
  /** A name bound to a value known at once (an import, a function), or to an initializer read on demand. */
  bindings: Map<string, ValueRef | SyntaxNode>;
}

// Calls that create a router or an app: express(), Router(), express.Router(), fastify(), new Koa(), Hapi.server()…
const ROUTER_FACTORY =
  /^(?:express|Router|KoaRouter|koaRouter|Koa|fastify|Fastify|createRouter|Hono|Server|server)$/;

/** The id of a function scope: its offset in the file, unique and stable across reads of the same text. */
export function functionId(node: SyntaxNode): string {
  return `f${node.startIndex}`;
}

function isRef(value: ValueRef | SyntaxNode): value is ValueRef {
  return typeof (value as { kind?: unknown }).kind === 'string' && !('startIndex' in value);
}

/** Names in scope across one file, and what each expression refers to. */
export interface FileScopes {
  /** The scope a node is in: its nearest enclosing function's, or the module's. */
  scopeOf(node: SyntaxNode): string;
  /** What an expression refers to, read in the scope it is written in. */
  resolve(node: SyntaxNode): ValueRef;
}

/** The node types that open a scope or bind a name. */
export const SCOPE_NODE_TYPES = [
  'function_declaration',
  'function_expression',
  'function',
  'arrow_function',
  'generator_function_declaration',
  'generator_function',
  'method_definition',
  'variable_declarator',
  'import_statement',
];

interface RangedScope extends Scope {
  start: number;
  end: number;
}

/**
 * Reads every scope of a file once (parameters, declarations, imports), so names can be
 * resolved wherever they are used. `nodes` are the file's nodes of `SCOPE_NODE_TYPES`, in
 * document order (see `selectNodes`).
 */
export function readScopes(nodes: readonly SyntaxNode[], rootEnd: number): FileScopes {
  const moduleScope: RangedScope = {
    id: '',
    parent: undefined,
    params: new Map(),
    bindings: new Map(),
    start: 0,
    end: rootEnd,
  };
  const ranges: RangedScope[] = [];
  const open: RangedScope[] = [moduleScope];
  for (const node of nodes) {
    while (open.length > 1 && (open[open.length - 1]?.end ?? 0) <= node.startIndex) open.pop();
    const scope = open[open.length - 1] ?? moduleScope;
    if (isFunctionNode(node)) {
      const inner: RangedScope = {
        id: functionId(node),
        parent: scope,
        params: new Map(),
        bindings: new Map(),
        start: node.startIndex,
        end: node.endIndex,
      };
      parameterNames(node).forEach((name, index) => {
        if (name !== undefined) inner.params.set(name, index);
      });
      const name = node.childForFieldName('name');
      if (node.type.endsWith('_declaration') && name)
        scope.bindings.set(name.text, { kind: 'function', fn: inner.id });
      ranges.push(inner);
      open.push(inner);
    } else {
      bindDeclaration(node, scope);
    }
  }
  /** The innermost function whose text holds `position`. */
  const scopeAtIndex = (position: number): RangedScope => innermostRange(ranges, position, moduleScope);
  // A function's own node is in its parent's scope (its name, its default value), its parameters in its own.
  const scopeAt = (node: SyntaxNode): Scope =>
    scopeAtIndex(isFunctionNode(node) ? node.startIndex - 1 : node.startIndex);
  const resolving = new Set<SyntaxNode>();
  const resolveName = (name: string, scope: Scope | undefined): ValueRef => {
    for (let current = scope; current; current = current.parent) {
      const index = current.params.get(name);
      if (index !== undefined) return { kind: 'param', fn: current.id, index };
      const bound = current.bindings.get(name);
      if (bound === undefined) continue;
      if (isRef(bound)) return bound;
      if (resolving.has(bound)) return { kind: 'unknown', name };
      resolving.add(bound);
      try {
        return classify(bound, current, name);
      } finally {
        resolving.delete(bound);
      }
    }
    return { kind: 'unknown', name };
  };
  const classify = (value: SyntaxNode, scope: Scope, boundName?: string): ValueRef => {
    const node = unwrap(value);
    if (isFunctionNode(node)) return { kind: 'function', fn: functionId(node) };
    if (node.type === 'identifier' || node.type === 'shorthand_property_identifier')
      return resolveName(node.text, scope);
    if (node.type === 'member_expression') return classifyMember(node, scope);
    if (node.type === 'call_expression' || node.type === 'new_expression')
      return classifyCall(node, scope, boundName);
    if (node.type === 'object') {
      // A Hapi plugin object: its `register` function receives the server.
      const register = propertyValue(node, 'register');
      if (register) return classify(register, scope);
    }
    return { kind: 'unknown', name: node.text.slice(0, 40) };
  };
  const classifyMember = (node: SyntaxNode, scope: Scope): ValueRef => {
    const object = node.childForFieldName('object');
    const property = node.childForFieldName('property')?.text ?? '';
    if (!object) return { kind: 'unknown', name: node.text };
    const base = classify(object, scope);
    if (base.kind === 'import' && (base.name === '*' || base.name === 'default'))
      return { kind: 'import', module: base.module, name: property };
    return { kind: 'unknown', name: node.text };
  };
  const classifyCall = (node: SyntaxNode, scope: Scope, boundName?: string): ValueRef => {
    const callee = node.childForFieldName(node.type === 'new_expression' ? 'constructor' : 'function');
    if (!callee) return { kind: 'unknown', name: node.text.slice(0, 40) };
    const args = argumentsOf(node);
    const calleeText = memberPath(callee) ?? (callee.type === 'import' ? 'import' : undefined);
    if ((calleeText === 'require' || calleeText === 'import') && args[0]) {
      const module = stringValue(args[0]);
      if (module !== undefined) return { kind: 'import', module, name: 'default' };
    }
    // `require('express').Router()`: the factory's name is the last property, whatever is before it.
    const last =
      calleeText?.split('.').pop() ??
      (callee.type === 'member_expression' ? (callee.childForFieldName('property')?.text ?? '') : '');
    if (
      boundName !== undefined &&
      ROUTER_FACTORY.test(last) &&
      !(last === 'server' && !calleeText?.includes('.'))
    ) {
      return { kind: 'router', scope: scope.id, name: boundName };
    }
    const target = classify(callee, scope);
    // A global function (`compute(…)`) can neither create a router nor wrap a plugin.
    if (target.kind === 'unknown') return { kind: 'call', callee: target };
    // fp(plugin), asyncHandler(fn): a package's wrapper around a function stands for the function.
    const wrapped = args.find((arg) => isFunctionNode(unwrap(arg)) || unwrap(arg).type === 'identifier');
    if (target.kind === 'import' && !target.module.startsWith('.') && wrapped) {
      const inner = classify(wrapped, scope);
      if (inner.kind === 'function' && target.module === 'fastify-plugin') return { ...inner, shared: true };
      if (inner.kind === 'function' || inner.kind === 'param') return inner;
    }
    return { kind: 'call', callee: target };
  };
  return {
    scopeOf: (node) => scopeAt(node).id,
    resolve: (node) => classify(node, scopeAt(node)),
  };
}

/** Records what a declaration binds in `scope`: variables, destructured `require`s, imports. */
function bindDeclaration(node: SyntaxNode, scope: Scope): void {
  if (node.type === 'variable_declarator') {
    const name = node.childForFieldName('name');
    const value = node.childForFieldName('value');
    if (!name || !value) return;
    if (name.type === 'identifier') scope.bindings.set(name.text, value);
    else if (name.type === 'object_pattern') bindDestructured(name, value, scope);
    return;
  }
  if (node.type === 'import_statement') bindImport(node, scope);
}

function bindDestructured(pattern: SyntaxNode, value: SyntaxNode, scope: Scope): void {
  const call = unwrap(value);
  const callee = call.type === 'call_expression' ? memberPath(call.childForFieldName('function')) : undefined;
  const module = callee === 'require' ? stringValue(argumentsOf(call)[0]) : undefined;
  if (module === undefined) return;
  for (const child of pattern.namedChildren) {
    if (!child) continue;
    if (child.type === 'shorthand_property_identifier_pattern') {
      scope.bindings.set(child.text, { kind: 'import', module, name: child.text });
    } else if (child.type === 'pair_pattern') {
      const key = child.childForFieldName('key')?.text;
      const local = child.childForFieldName('value');
      if (key && local?.type === 'identifier')
        scope.bindings.set(local.text, { kind: 'import', module, name: key });
    }
  }
}

function bindImport(node: SyntaxNode, scope: Scope): void {
  const module = stringValue(node.childForFieldName('source'));
  if (module === undefined) return;
  const clause = node.namedChildren.find((child) => child?.type === 'import_clause');
  for (const part of clause?.namedChildren ?? []) {
    if (!part) continue;
    if (part.type === 'identifier')
      scope.bindings.set(part.text, { kind: 'import', module, name: 'default' });
    else if (part.type === 'namespace_import') {
      const local = part.namedChildren.find((child) => child?.type === 'identifier');
      if (local) scope.bindings.set(local.text, { kind: 'import', module, name: '*' });
    } else if (part.type === 'named_imports') {
      for (const specifier of part.namedChildren) {
        if (specifier?.type !== 'import_specifier') continue;
        const name = specifier.childForFieldName('name')?.text;
        const alias = specifier.childForFieldName('alias')?.text ?? name;
        if (name && alias) scope.bindings.set(alias, { kind: 'import', module, name });
      }
    }
  }
}
