import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { stringValue } from '../../../code/syntax/node-text.js';
import { innermostRange } from '../innermost-range.js';
import type { GoRef } from './go-facts.js';
import { argumentsOf, defaultImportName, selectorOf, unwrap } from './go-syntax.js';

/** A function's names: its parameters (with their types) and what its statements bind, in order. */
interface Scope {
  id: string;
  start: number;
  end: number;
  parent: Scope | undefined;
  params: Map<string, { index: number; type: string }>;
  bindings: Map<string, { at: number; value: SyntaxNode }[]>;
}

/** The node types that open a scope or bind a name. */
export const GO_SCOPE_NODE_TYPES = [
  'function_declaration',
  'method_declaration',
  'func_literal',
  'short_var_declaration',
  'var_spec',
  'assignment_statement',
  'import_spec',
];

const FUNCTION_TYPES = new Set(['function_declaration', 'method_declaration', 'func_literal']);

// Constructors of routers, by the framework's import path: gin.New(), chi.NewRouter(), mux.NewRouter()…
const CONSTRUCTORS: readonly [RegExp, RegExp][] = [
  [/^github\.com\/gin-gonic\/gin$/, /^(New|Default)$/],
  [/^github\.com\/labstack\/echo(\/v\d+)?$/, /^New$/],
  [/^github\.com\/go-chi\/chi(\/v\d+)?$/, /^(NewRouter|NewMux)$/],
  [/^github\.com\/gofiber\/fiber(\/v\d+)?$/, /^New$/],
  [/^github\.com\/gorilla\/mux$/, /^NewRouter$/],
  [/^net\/http$/, /^NewServeMux$/],
];
// `mux` is left out: it names a variable (`mux := http.NewServeMux()`) as often as gorilla/mux.
const FRAGMENT_IMPORTS: readonly [string, string][] = [
  ['http', 'net/http'],
  ['gin', 'github.com/gin-gonic/gin'],
  ['echo', 'github.com/labstack/echo/v4'],
  ['chi', 'github.com/go-chi/chi/v5'],
  ['fiber', 'github.com/gofiber/fiber/v2'],
];
/** Calls that create a group under a prefix: `r.Group("/v1")`, `r.PathPrefix("/api")`. */
export const GROUP_METHODS = new Set(['Group', 'PathPrefix']);
// Calls that return the router they are called on (or one with the same prefix): r.Use(mw).GET(…), r.With(mw).Get(…).
const PASSTHROUGH = new Set(['Use', 'With', 'Subrouter', 'Name', 'Host', 'Schemes', 'Methods', 'Headers']);

/** The id of a function scope: its offset in the file. */
export function functionId(node: SyntaxNode): string {
  return `f${node.startIndex}`;
}

/** Names in scope across one Go file, and what each expression refers to. */
export interface GoScopes {
  imports: Map<string, string>;
  /** The function a node is in (its id), or `''` at package level. */
  scopeOf(node: SyntaxNode): string;
  resolve(node: SyntaxNode): GoRef;
  /** The declared type of a parameter reference, as written (`*gin.RouterGroup`). */
  paramType(ref: GoRef): string | undefined;
  /** The import path an expression's value comes from (`users` in `users.NewHandler(db).Register`), `.` for this package. */
  packageHint(node: SyntaxNode): string | undefined;
  /** The import path of the package that made a router: its constructor's, its group's parent's, or its parameter type's. */
  originOf(ref: GoRef): string | undefined;
}

function readParams(fn: SyntaxNode, scope: Scope): void {
  const receiver = fn.childForFieldName('receiver');
  for (const declaration of receiver?.namedChildren ?? []) {
    const name = declaration?.childForFieldName('name');
    const type = declaration?.childForFieldName('type')?.text ?? '';
    if (name) scope.params.set(name.text, { index: -1, type });
  }
  let index = 0;
  for (const declaration of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!declaration || declaration.type === 'comment') continue;
    const type = declaration.childForFieldName('type')?.text ?? '';
    const names = declaration.namedChildren.filter((child) => child?.type === 'identifier');
    if (names.length === 0) index++;
    for (const name of names) if (name) scope.params.set(name.text, { index: index++, type });
  }
}

function bind(
  scope: Scope,
  statement: SyntaxNode,
  name: SyntaxNode | null | undefined,
  value: SyntaxNode | null | undefined,
): void {
  if (name?.type !== 'identifier' || !value || name.text === '_') return;
  const list = scope.bindings.get(name.text);
  // A name is bound once its statement ends: `r = r.Group("/x")` reads the previous `r`.
  const binding = { at: statement.endIndex, value };
  if (list) list.push(binding);
  else scope.bindings.set(name.text, [binding]);
}

/** `a, b := x, y`; `r, err := build()` binds `r` to the call. */
function bindStatement(node: SyntaxNode, scope: Scope): void {
  const isSpec = node.type === 'var_spec';
  const left = isSpec
    ? node.childrenForFieldName('name')
    : (node.childForFieldName('left')?.namedChildren ?? []);
  const right = (isSpec ? node.childForFieldName('value') : node.childForFieldName('right'))?.namedChildren;
  if (!right || right.length === 0) return;
  left.forEach((name, index) =>
    bind(scope, node, name, right.length === 1 ? (index === 0 ? right[0] : null) : right[index]),
  );
}

function readImport(node: SyntaxNode, imports: Map<string, string>): void {
  const path = stringValue(node.childForFieldName('path'));
  if (path === undefined) return;
  const name = node.childForFieldName('name')?.text ?? defaultImportName(path);
  if (name !== '_' && name !== '.') imports.set(name, path);
}

/**
 * Reads every scope of a Go file once (imports, parameters, bindings), so names can be
 * resolved wherever they are used. `nodes` are the file's nodes of `GO_SCOPE_NODE_TYPES`, in
 * document order (see `selectNodes`).
 */
export function readGoScopes(nodes: readonly SyntaxNode[], rootEnd: number): GoScopes {
  const imports = new Map<string, string>();
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
    if (FUNCTION_TYPES.has(node.type)) {
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
    } else if (node.type === 'import_spec') readImport(node, imports);
    else bindStatement(node, scope);
  }
  // A fragment (the diff's hunks, without the import block) uses the packages' usual names.
  if (imports.size === 0) for (const [name, path] of FRAGMENT_IMPORTS) imports.set(name, path);
  const scopeAt = (position: number): Scope => innermostRange(ranges, position, root);
  return createResolver(imports, root, scopeAt);
}

function createResolver(
  imports: Map<string, string>,
  root: Scope,
  scopeAt: (position: number) => Scope,
): GoScopes {
  const resolving = new Set<number>();
  // Where each router the file makes comes from: its constructor's import path, or a group's parent expression.
  const origins = new Map<string, string | SyntaxNode>();
  /** What `name` is bound to at `position`: a parameter, the latest local binding before it, or a package-level name. */
  const lookup = (name: string, position: number): GoRef | SyntaxNode | 'import' => {
    for (let scope: Scope | undefined = scopeAt(position); scope; scope = scope.parent) {
      const param = scope.params.get(name);
      if (param !== undefined) return { kind: 'param', fn: scope.id, index: param.index };
      const bindings = scope.bindings.get(name);
      if (!bindings) continue;
      // Package-level variables are the package's; a fragment's statements bind like a function's.
      if (scope === root && bindings.some((binding) => binding.value.parent?.parent?.type === 'var_spec'))
        return { kind: 'name', name };
      const before = bindings.filter((binding) => binding.at < position);
      const latest = before[before.length - 1];
      if (latest) return latest.value;
    }
    return imports.has(name) ? 'import' : { kind: 'name', name };
  };
  // What each bound value is, by its offset: a variable used ten times is classified once.
  const classified = new Map<number, GoRef>();
  const classifyName = (node: SyntaxNode): GoRef => {
    const found = lookup(node.text, node.startIndex);
    if (found === 'import') return { kind: 'unknown' };
    // A method's receiver is a struct, not a router.
    if (!('startIndex' in found))
      return found.kind === 'param' && found.index < 0 ? { kind: 'unknown' } : found;
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
  const importOf = (node: SyntaxNode): string | undefined =>
    node.type === 'identifier' && lookup(node.text, node.startIndex) === 'import'
      ? imports.get(node.text)
      : undefined;
  const classify = (value: SyntaxNode): GoRef => {
    const node = unwrap(value);
    switch (node.type) {
      case 'identifier':
        return classifyName(node);
      case 'func_literal':
        return { kind: 'literal', fn: functionId(node) };
      case 'unary_expression': {
        const operand = node.childForFieldName('operand');
        return operand ? classify(operand) : { kind: 'unknown' };
      }
      case 'selector_expression': {
        const selector = selectorOf(node);
        if (!selector) return { kind: 'unknown' };
        const path = importOf(selector.operand);
        return path !== undefined
          ? { kind: 'import', path, name: selector.field }
          : { kind: 'field', name: selector.field };
      }
      case 'call_expression':
        return classifyCall(node);
      default:
        return { kind: 'unknown' };
    }
  };
  const classifyCall = (node: SyntaxNode): GoRef => {
    const callee = node.childForFieldName('function');
    const selector = selectorOf(callee);
    if (!selector) return callee ? { kind: 'call', callee: classify(callee) } : { kind: 'unknown' };
    const path = importOf(selector.operand);
    if (path !== undefined) {
      if (CONSTRUCTORS.some(([pkg, name]) => pkg.test(path) && name.test(selector.field))) {
        origins.set(`c${node.startIndex}`, path);
        return { kind: 'router', id: `c${node.startIndex}` };
      }
      return { kind: 'call', callee: { kind: 'import', path, name: selector.field } };
    }
    const first = argumentsOf(node)[0];
    if (GROUP_METHODS.has(selector.field) && first && first.type !== 'func_literal') {
      origins.set(`c${node.startIndex}`, selector.operand);
      return { kind: 'router', id: `c${node.startIndex}` };
    }
    if (PASSTHROUGH.has(selector.field) || (selector.field === 'Group' && first?.type === 'func_literal'))
      return classify(selector.operand);
    const hint = packageHint(selector.operand);
    return { kind: 'call', callee: { kind: 'method', name: selector.field, ...(hint ? { hint } : {}) } };
  };
  const hinting = new Set<SyntaxNode>();
  const packageHint = (value: SyntaxNode): string | undefined => {
    let node = unwrap(value);
    for (;;) {
      if (node.type === 'selector_expression') node = unwrap(node.childForFieldName('operand') ?? node);
      else if (node.type === 'call_expression') node = unwrap(node.childForFieldName('function') ?? node);
      else if (node.type === 'unary_expression') node = unwrap(node.childForFieldName('operand') ?? node);
      else if (node.type === 'composite_literal') return typeHint(node.childForFieldName('type')?.text ?? '');
      else break;
    }
    if (node.type !== 'identifier') return undefined;
    const found = lookup(node.text, node.startIndex);
    if (found === 'import') return imports.get(node.text);
    if (!('startIndex' in found))
      return found.kind === 'param' ? typeHint(paramType(found) ?? '') : undefined;
    if (hinting.has(found)) return undefined;
    hinting.add(found);
    try {
      return packageHint(found);
    } finally {
      hinting.delete(found);
    }
  };
  const typeHint = (type: string): string | undefined => {
    const qualified = /^[*[\]]*(\w+)\.\w+/.exec(type);
    if (qualified?.[1]) return imports.get(qualified[1]);
    return /^[*[\]]*\w+$/.test(type) ? '.' : undefined;
  };
  const paramType = (ref: GoRef): string | undefined => {
    if (ref.kind !== 'param') return undefined;
    const start = Number(ref.fn.slice(1));
    const scope = scopeAt(start);
    for (const param of scope.params.values()) if (param.index === ref.index) return param.type;
    return undefined;
  };
  const originOf = (ref: GoRef, depth = 0): string | undefined => {
    if (ref.kind === 'param') return typeHint(paramType(ref) ?? '');
    if (ref.kind !== 'router' || depth > 8) return undefined;
    const origin = origins.get(ref.id);
    return typeof origin === 'string' || origin === undefined
      ? origin
      : originOf(classify(origin), depth + 1);
  };
  return {
    imports,
    originOf: (ref) => originOf(ref),
    scopeOf: (node) => scopeAt(node.startIndex).id,
    resolve: classify,
    paramType,
    packageHint,
  };
}
