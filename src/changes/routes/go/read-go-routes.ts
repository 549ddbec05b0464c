import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { stringValue } from '../../../code/syntax/node-text.js';
import { HTTP_METHODS } from '../route-entry.js';
import type { GoRef, GoRoute } from './go-facts.js';
import type { GoScopes } from './go-scopes.js';
import { argumentsOf, declarationText, handlerName, selectorOf, unstrip, unwrap } from './go-syntax.js';

/** A call whose callee is `operand.field`, read once for every reader of calls. */
export interface GoCall {
  node: SyntaxNode;
  selector: { operand: SyntaxNode; field: string };
  args: SyntaxNode[];
  /** The line of the method's name (a chain may start lines above). */
  line: number;
}

/** True when a method name can declare a route. */
export function isRouteMethod(name: string): boolean {
  return name in VERBS || METHOD_FIRST.has(name) || PATTERN_FIRST.has(name);
}

/** Route methods of Gin and Echo (capitals), chi and Fiber (`Get`), and what they serve. */
const VERBS: Readonly<Record<string, string>> = {
  GET: 'GET',
  POST: 'POST',
  PUT: 'PUT',
  PATCH: 'PATCH',
  DELETE: 'DELETE',
  HEAD: 'HEAD',
  OPTIONS: 'OPTIONS',
  CONNECT: 'CONNECT',
  TRACE: 'TRACE',
  Any: 'ANY',
  Get: 'GET',
  Post: 'POST',
  Put: 'PUT',
  Patch: 'PATCH',
  Delete: 'DELETE',
  Head: 'HEAD',
  Options: 'OPTIONS',
  Connect: 'CONNECT',
  Trace: 'TRACE',
  All: 'ANY',
};
/** Calls whose first arguments say the method: `Handle("GET", p, h)` (Gin), `Method("GET", p, h)` (chi), `Add` (Echo, Fiber), `Match` (Gin, Echo). */
const METHOD_FIRST = new Set(['Handle', 'Method', 'MethodFunc', 'Add', 'Match']);
const PATTERN_FIRST = new Set(['Handle', 'HandleFunc']);
// Receivers that make requests or read values, never serve routes.
const CLIENTS =
  /^(client|httpClient|c|ctx|req|request|resp|res|response|w|cache|rdb|redis|db|tx|store|session|cfg|conf|config|viper|q|query|params|header|headers|values|form|m|cookies|env|os|url|u)$/i;
/** Parameter types that are routers (by the frameworks' names, or a type named like one). */
export const ROUTER_TYPE =
  /\b(gin\.(Engine|RouterGroup|IRouter|IRoutes)|echo\.(Echo|Group)|chi\.(Router|Mux)|fiber\.(App|Router|Group)|mux\.Router|http\.ServeMux)\b|(Router|Group|Engine|Mux|Routes)\b/;
const NOT_ROUTER_TYPE =
  /(Context|Ctx|Client|DB|Tx|Conn|Request|ResponseWriter|Values|Header|Map|Cache|Store|Session|Pool|Logger)\b/;

/** `"GET"` or `http.MethodGet`. */
export function methodValue(node: SyntaxNode | undefined): string | undefined {
  if (!node) return undefined;
  const literal = stringValue(node);
  if (literal !== undefined)
    return HTTP_METHODS.includes(literal.toUpperCase()) ? literal.toUpperCase() : undefined;
  const constant = /^http\.Method([A-Z][a-z]+)$/.exec(node.text)?.[1];
  return constant ? constant.toUpperCase() : undefined;
}

/** `[]string{"GET", "HEAD"}` or one method. */
function methodList(node: SyntaxNode | undefined): string[] {
  if (!node) return [];
  if (node.type !== 'composite_literal') {
    const one = methodValue(node);
    return one ? [one] : [];
  }
  const body = node.childForFieldName('body');
  return (body?.namedChildren ?? [])
    .map((element) => methodValue(element?.namedChildren[0] ?? undefined))
    .filter((method): method is string => method !== undefined);
}

/** Go 1.22 `http.ServeMux` patterns: `"GET /items/{id}"`, `"example.com/x"`, `"/x"`. */
function readPattern(pattern: string): { method: string; path: string } | undefined {
  const match = /^(?:([A-Z]+)\s+)?([^\s/]*)(\/\S*)$/.exec(pattern.trim());
  if (!match?.[3]) return undefined;
  if (match[1] !== undefined && !HTTP_METHODS.includes(match[1])) return undefined;
  return { method: match[1] ?? 'ANY', path: match[3] };
}

/** gorilla/mux: `r.HandleFunc("/x", h).Methods("GET", "POST")`. */
function chainedMethods(call: SyntaxNode): string[] | undefined {
  const member = call.parent;
  const outer = member?.parent;
  if (member?.type !== 'selector_expression' || outer?.type !== 'call_expression') return undefined;
  if (member.childForFieldName('field')?.text !== 'Methods') return undefined;
  return argumentsOf(outer).flatMap((arg) => methodList(arg));
}

interface Declared {
  methods: string[];
  path: string;
  pathIndex: number;
  /** Arguments that are not part of the signature (the path, a method list). */
  skip: number[];
}

function readDeclared(name: string, args: SyntaxNode[], call: SyntaxNode): Declared | undefined {
  const verb = VERBS[name];
  if (verb !== undefined) {
    const path = stringValue(unwrap(args[0] ?? call));
    return path === undefined ? undefined : { methods: [verb], path, pathIndex: 0, skip: [0] };
  }
  if (METHOD_FIRST.has(name)) {
    const methods = methodList(args[0] ? unwrap(args[0]) : undefined);
    const path = stringValue(args[1]);
    if (methods.length > 0 && path !== undefined) return { methods, path, pathIndex: 1, skip: [0, 1] };
  }
  if (PATTERN_FIRST.has(name)) {
    const pattern = readPattern(stringValue(args[0]) ?? '');
    if (!pattern) return undefined;
    return { methods: chainedMethods(call) ?? [pattern.method], path: pattern.path, pathIndex: 0, skip: [0] };
  }
  return undefined;
}

function isRoutePath(path: string, relativeAllowed: boolean): boolean {
  if (/\s|:\/\//.test(path)) return false;
  return path === '' || path.startsWith('/') || path === '*' || relativeAllowed;
}

/** True when the value a route is declared on can be a router, from its type or its name. */
function isRouterHolder(holder: GoRef, receiver: SyntaxNode, scopes: GoScopes): boolean | 'named' {
  if (holder.kind === 'router') return true;
  const type = scopes.paramType(holder);
  if (type !== undefined && ROUTER_TYPE.test(type)) return true;
  if (type !== undefined && NOT_ROUTER_TYPE.test(type)) return false;
  const name = receiver.type === 'selector_expression' ? selectorOf(receiver)?.field : receiver.text;
  return name !== undefined && /^\w+$/.test(name) && !CLIENTS.test(name) ? 'named' : false;
}

/** The holder of `http.HandleFunc(…)`: the package's default mux. */
const DEFAULT_MUX: GoRef = { kind: 'router', id: 'http.DefaultServeMux' };

/**
 * A route declared by one call: Gin and Echo `r.GET("/x", h)`, chi and Fiber `r.Get`, `Handle`,
 * `HandleFunc` (Go 1.22 `"GET /x"` patterns, gorilla/mux `.Methods(…)`), `Method`, `Match`, `Add`.
 */
export function readGoRoute(site: GoCall, scopes: GoScopes): GoRoute[] {
  const { node: call, selector, args } = site;
  if (args.length < 2) return [];
  const declared = readDeclared(selector.field, args, call);
  if (!declared) return [];
  const receiver = selector.operand;
  const importPath = receiver.type === 'identifier' ? scopes.imports.get(receiver.text) : undefined;
  let holder: GoRef;
  let routerHolder: boolean | 'named';
  if (importPath !== undefined && scopes.resolve(receiver).kind === 'unknown') {
    if (importPath !== 'net/http' || !PATTERN_FIRST.has(selector.field)) return [];
    holder = DEFAULT_MUX;
    routerHolder = true;
  } else {
    holder = scopes.resolve(receiver);
    routerHolder = isRouterHolder(holder, receiver, scopes);
  }
  if (routerHolder === false) return [];
  const upperCase = /^[A-Z]+$/.test(selector.field) || selector.field === 'Match';
  if (!isRoutePath(declared.path, routerHolder === true || upperCase)) return [];
  const handlerArg = args[declared.pathIndex + 1];
  const last = args[args.length - 1];
  const signature = [
    selector.field,
    ...args.filter((_, index) => !declared.skip.includes(index)).map(declarationText),
  ].join(',');
  const origin = holder === DEFAULT_MUX ? 'net/http' : scopes.originOf(holder);
  return declared.methods.map((method) => {
    const route: GoRoute = {
      holder,
      method,
      path: declared.path,
      line: site.line,
      signature,
      upperCase,
    };
    const afterPath = handlerName(handlerArg);
    const lastHandler = handlerName(last);
    if (afterPath !== undefined) route.handlerAfterPath = afterPath;
    if (lastHandler !== undefined) route.handlerLast = lastHandler;
    if (origin !== undefined) route.origin = origin;
    if (selector.field === 'Handle' && handlerArg) route.served = scopes.resolve(unstrip(handlerArg).handler);
    return route;
  });
}
