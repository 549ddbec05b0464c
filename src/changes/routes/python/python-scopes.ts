import { innermostRange } from '../innermost-range.js';
import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { bindImports } from './python-imports.js';
import { classifyExpression } from './classify-python-expression.js';
import type { PythonRef } from './python-facts.js';

/** A binding of a name: a value known at once (an import, a function), or an expression read on demand. */
export interface Binding {
  start: number;
  value: PythonRef | SyntaxNode;
}

/** A function's, a class body's or the module's names. */
export interface Scope {
  id: string;
  kind: 'module' | 'function' | 'class';
  parent: Scope | undefined;
  start: number;
  end: number;
  params: Map<string, number>;
  bindings: Map<string, Binding[]>;
}

/** The node types that open a scope or bind a name. */
export const SCOPE_NODE_TYPES = [
  'function_definition',
  'class_definition',
  'assignment',
  'import_statement',
  'import_from_statement',
];

/** The id of a function: its offset in the file. */
export function functionId(node: SyntaxNode): string {
  return `f${node.startIndex}`;
}

/** Names in scope across one file, and what each expression refers to. */
export interface FileScopes {
  /** The scope a node is in. */
  scopeAt(node: SyntaxNode): Scope;
  /** What an expression refers to, read where it is written. */
  resolve(node: SyntaxNode): PythonRef;
  /** What each module-level name is bound to last (the module's attributes). */
  moduleBindings(): Record<string, PythonRef>;
}

function isRef(value: PythonRef | SyntaxNode): value is PythonRef {
  return typeof (value as { kind?: unknown }).kind === 'string' && !('startIndex' in value);
}

function bind(scope: Scope, name: string, binding: Binding): void {
  const list = scope.bindings.get(name);
  if (list) list.push(binding);
  else scope.bindings.set(name, [binding]);
}

function parameterNames(fn: SyntaxNode): (string | undefined)[] {
  const params = fn.childForFieldName('parameters');
  return (params?.namedChildren ?? [])
    .filter((param): param is SyntaxNode => param !== null && param.type !== 'comment')
    .map((param) => {
      if (param.type === 'identifier') return param.text;
      const name = param.childForFieldName('name') ?? param.namedChildren[0];
      return name?.type === 'identifier' ? name.text : undefined;
    });
}

function openScope(node: SyntaxNode, parent: Scope): Scope {
  const kind = node.type === 'class_definition' ? 'class' : 'function';
  const scope: Scope = {
    id: kind === 'class' ? `c${node.startIndex}` : functionId(node),
    kind,
    parent,
    start: node.startIndex,
    end: node.endIndex,
    params: new Map(),
    bindings: new Map(),
  };
  if (kind === 'function')
    parameterNames(node).forEach((name, index) => {
      if (name !== undefined) scope.params.set(name, index);
    });
  const name = node.childForFieldName('name');
  if (name) {
    const value: PythonRef =
      kind === 'class' ? { kind: 'class', name: name.text } : { kind: 'function', fn: scope.id };
    bind(parent, name.text, { start: node.startIndex, value });
  }
  return scope;
}

function bindAssignment(node: SyntaxNode, scope: Scope): void {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (left?.type === 'identifier' && right) bind(scope, left.text, { start: node.startIndex, value: right });
}

/** Reads every scope of a file once, so names resolve wherever they are used. `nodes` are in document order. */
export function readScopes(nodes: readonly SyntaxNode[], rootEnd: number): FileScopes {
  const moduleScope: Scope = {
    id: '',
    kind: 'module',
    parent: undefined,
    start: 0,
    end: rootEnd,
    params: new Map(),
    bindings: new Map(),
  };
  const ranges: Scope[] = [];
  const open: Scope[] = [moduleScope];
  for (const node of nodes) {
    while (open.length > 1 && (open[open.length - 1]?.end ?? 0) <= node.startIndex) open.pop();
    const scope = open[open.length - 1] ?? moduleScope;
    if (node.type === 'function_definition' || node.type === 'class_definition') {
      const inner = openScope(node, scope);
      ranges.push(inner);
      open.push(inner);
    } else if (node.type === 'assignment') bindAssignment(node, scope);
    else for (const [name, value] of bindImports(node)) bind(scope, name, { start: node.startIndex, value });
  }
  const scopeAtIndex = (position: number): Scope => innermostRange(ranges, position, moduleScope);
  // A definition's own node (its name, its decorators' arguments) is in the enclosing scope.
  const scopeAt = (node: SyntaxNode): Scope =>
    scopeAtIndex(
      node.type === 'function_definition' || node.type === 'class_definition'
        ? node.startIndex - 1
        : node.startIndex,
    );
  const resolving = new Set<Binding>();
  const valueOf = (binding: Binding, scope: Scope): PythonRef => {
    if (isRef(binding.value)) return binding.value;
    if (resolving.has(binding)) return { kind: 'unknown' };
    resolving.add(binding);
    try {
      return classify(binding.value, scope);
    } finally {
      resolving.delete(binding);
    }
  };
  /** The binding in effect at `position`: the last readable one before it, else the first after it. */
  const pick = (bindings: readonly Binding[], scope: Scope, position: number): PythonRef | undefined => {
    let after: PythonRef | undefined;
    for (let index = bindings.length - 1; index >= 0; index--) {
      const binding = bindings[index];
      if (!binding) continue;
      const value = valueOf(binding, scope);
      if (value.kind === 'unknown') continue;
      if (binding.start < position) return value;
      after = value;
    }
    return after;
  };
  const resolveName = (name: string, from: Scope, position: number): PythonRef => {
    for (let scope: Scope | undefined = from; scope; scope = scope.parent) {
      // Methods do not see their class body's names.
      if (scope.kind === 'class' && scope !== from) continue;
      const index = scope.params.get(name);
      if (index !== undefined) return { kind: 'param', fn: scope.id, index };
      const bindings = scope.bindings.get(name);
      // An enclosing scope's names are read when the function runs: usually after all of them.
      const found = bindings && pick(bindings, scope, scope === from ? position : Number.MAX_SAFE_INTEGER);
      if (found) return found;
    }
    return { kind: 'unknown' };
  };
  const classify = (node: SyntaxNode, scope: Scope): PythonRef =>
    classifyExpression(node, (name, at) => resolveName(name, scope, at));
  return {
    scopeAt,
    resolve: (node) => classify(node, scopeAt(node)),
    moduleBindings: () => {
      const result: Record<string, PythonRef> = {};
      for (const [name, bindings] of moduleScope.bindings) {
        const value = pick(bindings, moduleScope, Number.MAX_SAFE_INTEGER);
        if (value) result[name] = value;
      }
      return result;
    },
  };
}
