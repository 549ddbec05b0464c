import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { lineOf, stringValue } from '../../../code/syntax/node-text.js';
import type { PythonRef, PythonRoute } from './python-facts.js';
import type { FileScopes } from './python-scopes.js';
import {
  argumentsOf,
  argumentsText,
  calleeName,
  compactText,
  dottedName,
  keywordArgument,
  positionalArguments,
  receiverOf,
} from './python-syntax.js';

// FastAPI's `websocket` is kept as the method WEBSOCKET, as the report has always shown it.
const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace', 'websocket']);
/** Decorators that take their methods from `methods=` (GET when none): Flask's and Starlette's `route`, FastAPI's `api_route`. */
const ROUTE_DECORATORS = new Set(['route', 'api_route']);
/** Calls that add a route without a decorator, and where their view function is. */
const ROUTE_CALLS: Readonly<Record<string, { view: number; keyword: string; hint?: 'fastapi' | 'flask' }>> = {
  add_url_rule: { view: 2, keyword: 'view_func', hint: 'flask' },
  add_api_route: { view: 1, keyword: 'endpoint', hint: 'fastapi' },
  add_route: { view: 1, keyword: 'route' },
};

/** The methods a `methods=[…]` argument lists, upper-cased; `ANY` when they are computed. */
function listedMethods(node: SyntaxNode | undefined): string[] | undefined {
  if (!node) return undefined;
  if (node.type !== 'list' && node.type !== 'tuple' && node.type !== 'set') return ['ANY'];
  const methods = node.namedChildren
    .map((child) => stringValue(child)?.toUpperCase())
    .filter((method): method is string => method !== undefined);
  return methods.length > 0 ? methods : undefined;
}

/** A literal that cannot be a route path (`@mock.patch("app.x")`) rules the call out. */
function routePath(node: SyntaxNode | undefined, scopes: FileScopes): PythonRef | undefined {
  if (!node) return undefined;
  const literal = stringValue(node);
  if (literal !== undefined)
    return literal === '' || literal.startsWith('/') ? { kind: 'text', parts: [literal] } : undefined;
  const ref = scopes.resolve(node);
  return ref.kind === 'unknown' ? undefined : ref;
}

/** A decorator that declares a route (`@router.get("/x")`, `@bp.route("/x", methods=[…])`): its call and verb. */
function routeDecorator(
  decorator: SyntaxNode,
): { call: SyntaxNode; verb: string; receiver: SyntaxNode } | undefined {
  const call = decorator.firstNamedChild;
  const callee = call?.type === 'call' ? call.childForFieldName('function') : null;
  if (!call || callee?.type !== 'attribute') return undefined;
  const verb = callee.childForFieldName('attribute')?.text;
  const receiver = callee.childForFieldName('object');
  if (verb === undefined || !receiver || !(VERBS.has(verb) || ROUTE_DECORATORS.has(verb))) return undefined;
  return { call, verb, receiver };
}

/** What a decorated handler says besides its route: its other decorators, its name and its parameters. */
function definitionSignature(definition: SyntaxNode | null, own: SyntaxNode): string {
  const parts: string[] = [];
  for (const child of definition?.parent?.namedChildren ?? []) {
    if (child?.type === 'decorator' && child.startIndex !== own.startIndex && !routeDecorator(child))
      parts.push(compactText(child));
  }
  const name = definition?.childForFieldName('name')?.text ?? '';
  const parameters = definition?.childForFieldName('parameters');
  parts.push(`${name}${parameters ? compactText(parameters) : ''}`);
  return parts.join('|');
}

/** `@router.get("/x")`, `@app.route("/x", methods=[…])` and `@bp.route("/")` on a `MethodView` class. */
export function readDecoratorRoute(decorator: SyntaxNode, scopes: FileScopes): PythonRoute | undefined {
  const found = routeDecorator(decorator);
  if (!found) return undefined;
  const { call, verb, receiver } = found;
  const args = argumentsOf(call);
  const pathNode =
    positionalArguments(args)[0] ?? keywordArgument(args, 'path') ?? keywordArgument(args, 'rule');
  const path = routePath(pathNode, scopes);
  if (!path) return undefined;
  const parent = decorator.parent;
  const definition = parent?.type === 'decorated_definition' ? parent.childForFieldName('definition') : null;
  const isClass = definition?.type === 'class_definition';
  const methodsNode = keywordArgument(args, 'methods');
  const methods = VERBS.has(verb)
    ? [verb.toUpperCase()]
    : (listedMethods(methodsNode) ?? (isClass ? [] : ['GET']));
  const handler = definition?.childForFieldName('name')?.text;
  const route: PythonRoute = {
    holder: scopes.resolve(receiver),
    methods,
    path,
    line: lineOf(decorator),
    signature: `${argumentsText(args, [pathNode, methodsNode])}|${definitionSignature(definition, decorator)}`,
  };
  if (handler !== undefined) route.handler = handler;
  if (isClass && handler !== undefined) route.view = { kind: 'class', name: handler };
  if (verb === 'api_route') route.hint = 'fastapi';
  return route;
}

/** True for the name of a call that adds a route. */
export function isRouteCall(name: string): boolean {
  return Object.hasOwn(ROUTE_CALLS, name);
}

/** `bp.add_url_rule("/x", view_func=…)`, `router.add_api_route("/x", endpoint, methods=[…])`; `name` is what the call calls. */
export function readRouteCall(call: SyntaxNode, name: string, scopes: FileScopes): PythonRoute | undefined {
  const kind = ROUTE_CALLS[name];
  const receiver = receiverOf(call);
  if (!kind || !receiver) return undefined;
  const args = argumentsOf(call);
  const positional = positionalArguments(args);
  const pathNode = positional[0] ?? keywordArgument(args, 'rule') ?? keywordArgument(args, 'path');
  const path = routePath(pathNode, scopes);
  if (!path) return undefined;
  const viewNode = keywordArgument(args, kind.keyword) ?? positional[kind.view];
  const methodsNode = keywordArgument(args, 'methods');
  // `MyView.as_view("name")`: the class's methods say what the route serves.
  const asView =
    viewNode?.type === 'call' && calleeName(viewNode) === 'as_view' ? receiverOf(viewNode) : undefined;
  const route: PythonRoute = {
    holder: scopes.resolve(receiver),
    methods: listedMethods(methodsNode) ?? (asView ? [] : ['GET']),
    path,
    line: lineOf(call),
    signature: argumentsText(args, [pathNode, methodsNode]),
  };
  const handler = dottedName(asView ?? viewNode);
  if (handler !== undefined) route.handler = handler;
  if (asView) route.view = scopes.resolve(asView);
  if (kind.hint) route.hint = kind.hint;
  return route;
}

/**
 * flask-restful/flask-restx `api.add_resource(UserResource, "/users/<int:id>", "/u/<int:id>")`:
 * a route per path, serving the methods the resource class defines.
 */
export function readResourceCall(call: SyntaxNode, scopes: FileScopes): PythonRoute[] {
  const receiver = receiverOf(call);
  const args = argumentsOf(call);
  const [resource, ...paths] = positionalArguments(args);
  // aiohttp's `router.add_resource("/path")` takes the path first.
  if (!receiver || !resource || stringValue(resource) !== undefined) return [];
  const view = scopes.resolve(resource);
  const handler = dottedName(resource);
  const holder = scopes.resolve(receiver);
  const routes: PythonRoute[] = [];
  for (const pathNode of paths) {
    const path = routePath(pathNode, scopes);
    if (!path) continue;
    const route: PythonRoute = {
      holder,
      methods: [],
      path,
      line: lineOf(call),
      signature: argumentsText(args, [pathNode]),
      hint: 'flask',
    };
    if (view.kind !== 'unknown') route.view = view;
    if (handler !== undefined) route.handler = handler;
    routes.push(route);
  }
  return routes;
}
