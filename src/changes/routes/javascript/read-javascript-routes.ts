import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { lineOf, stringValue } from '../../../code/syntax/node-text.js';
import type { RouteFramework } from '../../change-analysis.js';
import type { JavascriptRoute, ValueRef } from './javascript-facts.js';
import type { FileScopes } from './javascript-scopes.js';
import {
  argumentsOf,
  declarationText,
  isFunctionNode,
  memberPath,
  propertyValue,
  unwrap,
} from './javascript-syntax.js';

const METHOD_NAMES: Readonly<Record<string, string>> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
  del: 'DELETE',
  options: 'OPTIONS',
  head: 'HEAD',
  all: 'ANY',
};
// Receivers that make outgoing requests or read maps, never serve routes.
const CLIENTS =
  /^(axios|http|https|got|ky|fetch|request|superagent|supertest|agent|client|httpClient|\$http|cy|cache|redis|map|params|headers|searchParams|query|config|env|process|store|storage|localStorage|sessionStorage|session|cookies|res|req|ctx|reply|response|Object|Reflect|Promise|db|knex|prisma|model|repository|repo|collection|fetcher|api\$|\w*[Cc]lient|\w*[Mm]ap|\w*[Cc]ache)$/;

/** The path a route names: a string, or each string of an array (`app.get(['/a', '/b'], h)`). */
function pathsOf(node: SyntaxNode | undefined): string[] {
  if (!node) return [];
  const value = stringValue(unwrap(node));
  if (value !== undefined) return [value];
  if (node.type !== 'array') return [];
  return node.namedChildren
    .map((child) => stringValue(child))
    .filter((path): path is string => path !== undefined);
}

function looksLikeRoutePath(path: string): boolean {
  return path === '' || path.startsWith('/') || path === '*' || path.startsWith('(');
}

function handlerOf(node: SyntaxNode | undefined): string | undefined {
  if (!node || isFunctionNode(unwrap(node))) return undefined;
  return memberPath(node);
}

function signatureOf(method: string, args: SyntaxNode[], skip: SyntaxNode | undefined): string {
  return [method, ...args.filter((arg) => arg !== skip).map(declarationText)].join(',');
}

function receiverName(receiver: SyntaxNode): string {
  return memberPath(receiver)?.split('.').pop() ?? receiver.type;
}

function isRouterHolder(holder: ValueRef, receiver: SyntaxNode): boolean {
  if (CLIENTS.test(receiverName(receiver))) return false;
  return (
    holder.kind !== 'unknown' ||
    /^(app|server|fastify|instance|router|routes|api|r|v\d+)$|(Router|Routes|App|Api|router|routes)$/.test(
      receiverName(receiver),
    )
  );
}

/** `router.get('/x', h)`, `app.all(…)`, koa-router's named `router.get('name', '/x', h)`. */
export function readMethodRoute(call: SyntaxNode, scopes: FileScopes): JavascriptRoute[] {
  const callee = call.childForFieldName('function');
  if (callee?.type !== 'member_expression') return [];
  const method = METHOD_NAMES[callee.childForFieldName('property')?.text ?? ''];
  const receiver = callee.childForFieldName('object');
  if (!method || !receiver || receiver.type === 'call_expression') return [];
  const args = argumentsOf(call);
  const last = args[args.length - 1];
  if (args.length < 2 || !last) return [];
  const holder = scopes.resolve(receiver);
  if (!isRouterHolder(holder, receiver)) return [];
  // `client.get('/x', { params })` is a request: a route ends with its handler.
  if (unwrap(last).type === 'object' && holder.kind !== 'router') return [];
  const named =
    args.length > 2 &&
    looksLikeRoutePath(stringValue(args[1]) ?? '-') &&
    !looksLikeRoutePath(stringValue(args[0]) ?? '-');
  const pathNode = args[named ? 1 : 0];
  // A router the file knows takes any path (koa-router's `router.post("users.create", …)`); anything else must look like one.
  const known = holder.kind === 'router' || holder.kind === 'param' || holder.kind === 'import';
  const paths = pathsOf(pathNode).filter(
    (path) => looksLikeRoutePath(path) || (known && /^[\w.:-]+$/.test(path)),
  );
  const signature = signatureOf(method, args, pathNode);
  return paths.map((path) => route(holder, receiver, method, path, callee, last, signature));
}

function route(
  holder: ValueRef,
  receiver: SyntaxNode,
  method: string,
  path: string,
  at: SyntaxNode,
  handler: SyntaxNode | undefined,
  signature: string,
  framework?: RouteFramework,
): JavascriptRoute {
  const read: JavascriptRoute = {
    holder,
    receiver: receiverName(receiver),
    method,
    path,
    line: lineOf(at),
    signature,
  };
  const name = handlerOf(handler);
  if (name !== undefined) read.handler = name;
  if (framework) read.framework = framework;
  return read;
}

/** `router.route('/x').get(a).post(b)`: one path, a method per chained call. */
export function readRouteChain(call: SyntaxNode, scopes: FileScopes): JavascriptRoute[] {
  const callee = call.childForFieldName('function');
  if (callee?.type !== 'member_expression' || callee.childForFieldName('property')?.text !== 'route')
    return [];
  const receiver = callee.childForFieldName('object');
  const args = argumentsOf(call);
  if (!receiver || receiver.type === 'call_expression' || args.length !== 1 || !args[0]) return [];
  const holder = scopes.resolve(receiver);
  const first = unwrap(args[0]);
  if (first.type === 'object' || first.type === 'array') return readRouteObjects(first, holder, receiver);
  const path = stringValue(first);
  if (path === undefined || !isRouterHolder(holder, receiver)) return [];
  const routes: JavascriptRoute[] = [];
  // Walk up the chain: each parent call on this call's result adds a method.
  let current: SyntaxNode = call;
  for (;;) {
    const member = current.parent;
    const outer = member?.parent;
    if (member?.type !== 'member_expression' || outer?.type !== 'call_expression') break;
    const method = METHOD_NAMES[member.childForFieldName('property')?.text ?? ''];
    if (!method) break;
    const chainedArgs = argumentsOf(outer);
    const last = chainedArgs[chainedArgs.length - 1];
    routes.push(
      route(
        holder,
        receiver,
        method,
        path,
        member.childForFieldName('property') ?? member,
        last,
        signatureOf(method, chainedArgs, undefined),
      ),
    );
    current = outer;
  }
  return routes;
}

/** Hapi's and Fastify's `server.route({ method, path | url, handler })`, one object or an array of them. */
function readRouteObjects(node: SyntaxNode, holder: ValueRef, receiver: SyntaxNode): JavascriptRoute[] {
  const objects =
    node.type === 'array'
      ? node.namedChildren.filter((child): child is SyntaxNode => child?.type === 'object')
      : [node];
  const routes: JavascriptRoute[] = [];
  for (const object of objects) {
    const urlNode = propertyValue(object, 'url');
    const path = stringValue(urlNode ?? propertyValue(object, 'path'));
    const methodNode = propertyValue(object, 'method');
    if (path === undefined || !methodNode) continue;
    const methods = pathsOf(methodNode).map((method) => (method === '*' ? 'ANY' : method.toUpperCase()));
    const framework: RouteFramework = urlNode ? 'fastify' : 'hapi';
    const handlerNode = propertyValue(object, 'handler');
    const signature = object.namedChildren
      .filter(
        (pair) => pair !== null && !/^(url|path|method)$/.test(pair.childForFieldName('key')?.text ?? ''),
      )
      .map((pair) => (pair ? declarationText(pair) : ''))
      .join(',');
    for (const method of methods)
      routes.push(route(holder, receiver, method, path, object, handlerNode, signature, framework));
  }
  return routes;
}

/** koa-router's `router.register(path, ['get', 'post'], ...middleware)`: one path, several methods. */
export function readRegisteredRoute(call: SyntaxNode, scopes: FileScopes): JavascriptRoute[] {
  const callee = call.childForFieldName('function');
  if (callee?.type !== 'member_expression' || callee.childForFieldName('property')?.text !== 'register')
    return [];
  const receiver = callee.childForFieldName('object');
  const [pathNode, methodsNode, ...rest] = argumentsOf(call);
  const path = stringValue(pathNode);
  if (!receiver || path === undefined || methodsNode?.type !== 'array') return [];
  const holder = scopes.resolve(receiver);
  const methods = pathsOf(methodsNode).map(
    (method) => METHOD_NAMES[method.toLowerCase()] ?? method.toUpperCase(),
  );
  const last = rest[rest.length - 1];
  const signature = rest.map(declarationText).join(',');
  return methods.map((method) =>
    route(holder, receiver, method, path, callee, last, `${method},${signature}`),
  );
}
