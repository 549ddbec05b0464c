import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { lineOf, stringValue } from '../../../code/syntax/node-text.js';
import { listId } from './classify-python-expression.js';
import type { PythonMount, PythonRef, PythonRoute } from './python-facts.js';
import type { FileScopes } from './python-scopes.js';
import {
  argumentsOf,
  argumentsText,
  calleeName,
  dottedName,
  keywordArgument,
  positionalArguments,
  receiverOf,
  unwrap,
} from './python-syntax.js';

const PATTERN_CALLS = new Set(['path', 're_path', 'url']);
const LIST_METHODS = new Set(['append', 'extend', 'insert']);

/** `^users/(?P<pk>\d+)/$` reads as `users/(?P<pk>\d+)/`: the anchors add nothing to a path. */
function withoutAnchors(ref: PythonRef): PythonRef {
  if (ref.kind !== 'text') return ref;
  const parts = [...ref.parts];
  const first = parts[0];
  if (typeof first === 'string') parts[0] = first.replace(/^\^/, '');
  const last = parts[parts.length - 1];
  if (typeof last === 'string') parts[parts.length - 1] = last.replace(/\$$/, '');
  return { kind: 'text', parts };
}

/** The pattern list a `path(…)` call is written in: a list literal, `i18n_patterns(…)`, `urlpatterns.append(…)`. */
function containerOf(call: SyntaxNode, scopes: FileScopes): PythonRef | undefined {
  const parent = call.parent;
  if (parent?.type === 'list' || parent?.type === 'tuple') return { kind: 'list', id: listId(parent) };
  if (parent?.type !== 'argument_list' || parent.parent?.type !== 'call') return undefined;
  const outer = parent.parent;
  const name = calleeName(outer);
  if (name === 'i18n_patterns' || name === 'patterns') return { kind: 'list', id: listId(parent) };
  const receiver = receiverOf(outer);
  if (!receiver || name === undefined || !LIST_METHODS.has(name)) return undefined;
  return dottedName(receiver) === 'urlpatterns' && scopes.scopeAt(outer).kind === 'module'
    ? { kind: 'urlconf' }
    : scopes.resolve(receiver);
}

/** What `include(…)` includes: a module by dotted name (also in a tuple with its namespace), an imported module, a list. */
function includedTarget(include: SyntaxNode, scopes: FileScopes): PythonRef | undefined {
  const args = argumentsOf(include);
  let first = positionalArguments(args)[0] ?? keywordArgument(args, 'arg');
  if (first && unwrap(first).type === 'tuple')
    first = unwrap(first).namedChildren.find((child) => child !== null) ?? undefined;
  if (!first) return undefined;
  const module = stringValue(first);
  if (module !== undefined) return { kind: 'module', module };
  const ref = scopes.resolve(first);
  return ref.kind === 'unknown' ? undefined : ref;
}

export interface DjangoPattern {
  route?: PythonRoute;
  mount?: PythonMount;
}

/** True for the name of a call that declares a Django URL pattern. */
export function isPatternCall(name: string): boolean {
  return PATTERN_CALLS.has(name);
}

/** `path("orders/", views.orders)`, `re_path(r"^x/$", View.as_view())`, `path("api/", include("api.urls"))`. */
export function readDjangoPattern(
  call: SyntaxNode,
  name: string,
  scopes: FileScopes,
): DjangoPattern | undefined {
  if (call.childForFieldName('function')?.type !== 'identifier') return undefined;
  const args = argumentsOf(call);
  const [pathNode, target] = positionalArguments(args);
  const view = target ?? keywordArgument(args, 'view');
  if (!pathNode || !view) return undefined;
  const written = scopes.resolve(pathNode);
  if (written.kind !== 'text') return undefined;
  const path = name === 'path' ? written : withoutAnchors(written);
  const container = containerOf(call, scopes);
  if (!container) return undefined;
  const targetNode = unwrap(view);
  if (targetNode.type === 'call' && calleeName(targetNode) === 'include') {
    const included = includedTarget(targetNode, scopes);
    return included ? { mount: { parent: container, child: included, via: 'include', prefix: path } } : {};
  }
  const asView =
    targetNode.type === 'call' && calleeName(targetNode) === 'as_view' ? receiverOf(targetNode) : undefined;
  // A class-based view serves the methods it defines; a function view serves any.
  const route: PythonRoute = {
    holder: container,
    methods: asView ? [] : ['ANY'],
    path,
    line: lineOf(call),
    signature: argumentsText(args, [pathNode]),
    framework: 'django',
  };
  if (asView) route.view = scopes.resolve(asView);
  const handler =
    dottedName(asView ?? targetNode) ?? (targetNode.type === 'call' ? undefined : targetNode.text);
  if (handler !== undefined && /^[\w.]+$/.test(handler)) route.handler = handler;
  return { route };
}

/** REST framework's `router.register(r"users", UserViewSet)`: a list route and a detail route. */
export function readViewSetRegistration(call: SyntaxNode, scopes: FileScopes): PythonRoute | undefined {
  const receiver = receiverOf(call);
  if (calleeName(call) !== 'register' || !receiver) return undefined;
  const args = argumentsOf(call);
  const [prefixNode, viewSet] = positionalArguments(args);
  const prefix = prefixNode ? scopes.resolve(prefixNode) : undefined;
  if (prefix?.kind !== 'text' || !viewSet) return undefined;
  const route: PythonRoute = {
    holder: scopes.resolve(receiver),
    methods: ['ANY'],
    path: withoutAnchors(prefix),
    viewSet: true,
    line: lineOf(call),
    signature: argumentsText(args, [prefixNode]),
    framework: 'django',
  };
  const handler = dottedName(viewSet);
  if (handler !== undefined) route.handler = handler;
  const view = scopes.resolve(viewSet);
  if (view.kind !== 'unknown') route.view = view;
  return route;
}

/**
 * `[path(…), *router.urls]`, `include([*api_router.urls, …])`: what a pattern list spreads in
 * serves its routes there, at the list's own prefix.
 */
export function readSpreadPatterns(splat: SyntaxNode, scopes: FileScopes): PythonMount | undefined {
  const list = splat.parent;
  const spread = splat.namedChildren.find((child) => child !== null && !/comment$/.test(child.type));
  if ((list?.type !== 'list' && list?.type !== 'tuple') || !spread) return undefined;
  const child = scopes.resolve(spread);
  if (child.kind === 'unknown' || child.kind === 'text') return undefined;
  return { parent: { kind: 'list', id: listId(list) }, child, via: 'include' };
}

/** The parts `urlpatterns = a + [...] + router.urls` (or `+=`) is made of. */
export function urlconfParts(assignment: SyntaxNode, scopes: FileScopes): PythonRef[] {
  const left = assignment.childForFieldName('left');
  const right = assignment.childForFieldName('right');
  if (left?.type !== 'identifier' || left.text !== 'urlpatterns' || !right) return [];
  if (scopes.scopeAt(assignment).kind !== 'module') return [];
  const parts: PythonRef[] = [];
  const visit = (node: SyntaxNode): void => {
    const inner = unwrap(node);
    if (inner.type === 'binary_operator' && inner.childForFieldName('operator')?.text === '+') {
      const l = inner.childForFieldName('left');
      const r = inner.childForFieldName('right');
      if (l) visit(l);
      if (r) visit(r);
      return;
    }
    const ref =
      inner.type === 'list' || inner.type === 'tuple'
        ? { kind: 'list' as const, id: listId(inner) }
        : scopes.resolve(inner);
    if (ref.kind !== 'unknown' && ref.kind !== 'text') parts.push(ref);
  };
  visit(right);
  return parts;
}
