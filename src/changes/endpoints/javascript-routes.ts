import type { RouteFramework } from '../change-analysis.js';
import { importedFramework } from './imported-framework.js';
import {
  argumentCode,
  readCallArguments,
  stringArgument,
  type CallArgument,
  type CallArguments,
} from '../source/read-call.js';
import { stringsWithin, type SourceView } from '../source/source-view.js';
import {
  declareRoute,
  joinRoutePath,
  type RouteDeclaration,
  type RouteExtractor,
  type RouteReadContext,
} from './route-declaration.js';
import { findRouterMounts, type RouterMounts } from './javascript-router-mounts.js';
import { readRouteObjects } from './read-route-objects.js';

const METHOD_CALL =
  /([\w$]+)\s*\??\.\s*(get|post|put|patch|delete|del|options|head|all)\s*(?:<[^>()]*>\s*)?\(/g;
const ROUTE_CHAIN = /([\w$]+)\s*\.\s*route\s*\(/g;
// A handler written in place (`(req, res) => {…}`, `asyncHandler(async (req) => {…})`).
const INLINE_FUNCTION = /=>|\bfunction\b/;
const CHAINED_METHOD = /^\s*\.\s*(get|post|put|patch|delete|del|options|head|all)\s*\(/;
// Receivers that make outgoing requests or read maps, never serve routes.
const CLIENTS =
  /^(axios|http|https|got|ky|fetch|request|superagent|supertest|agent|client|httpClient|\$http|cy|cache|redis|map|params|headers|searchParams|query|config|env|process|store|storage|localStorage|session|cookies|res|req|ctx|reply|response|this|Object|Reflect|Promise|db|knex|prisma|model|repository|repo|collection|fetcher|api\$)$/i;
const CONVENTIONAL_RECEIVER =
  /^(app|server|fastify|instance|router|routes|api|r|v\d+)$|(Router|Routes|App|Api|router|routes)$/;

function detectJavascriptImport(imports: string): RouteFramework | undefined {
  if (/['"](?:@koa\/router|koa-router|koa)['"]/.test(imports)) return 'koa';
  if (/['"](?:@hapi\/hapi|hapi)['"]/.test(imports)) return 'hapi';
  if (/['"]fastify['"]/.test(imports)) return 'fastify';
  return /['"]express['"]/.test(imports) ? 'express' : undefined;
}

function frameworkOf(view: SourceView, frameworks: string[], receiver: string): RouteFramework {
  const imported = importedFramework(view, 'javascript', detectJavascriptImport);
  if (imported) return imported;
  // Fastify plugins receive the instance as `fastify` and rarely import the package.
  if (receiver === 'fastify' && !frameworks.includes('express')) return 'fastify';
  const known = (['express', 'fastify', 'koa', 'hapi'] as const).find((name) => frameworks.includes(name));
  return known ?? 'express';
}

function handlerOf(view: SourceView, argument: CallArgument | undefined): string | undefined {
  if (!argument) return undefined;
  const code = argumentCode(view, argument);
  return /^[\w$]+(?:\.[\w$]+)*$/.test(code) ? code : undefined;
}

function isRouter(receiver: string, mounts: RouterMounts): boolean {
  if (CLIENTS.test(receiver)) return false;
  return mounts.routers.has(receiver) || CONVENTIONAL_RECEIVER.test(receiver);
}

function methodName(method: string): string {
  if (method === 'del') return 'DELETE';
  return method === 'all' ? 'ANY' : method.toUpperCase();
}

/** The paths a route call names: one string, or an array of them (`app.get(['/a', '/b'], h)`). */
function routePaths(view: SourceView, argument: CallArgument | undefined): string[] {
  if (!argument) return [];
  if (argumentCode(view, argument).startsWith('[')) return stringsWithin(view, argument.start, argument.end);
  const path = stringArgument(view, argument);
  return path === undefined ? [] : [path];
}

/** The method call's path argument, or undefined when the call is not a route (a request, a map lookup). */
function pathArgument(
  view: SourceView,
  read: CallArguments,
  receiver: string,
  mounts: RouterMounts,
): CallArgument | undefined {
  // A route has a path and at least one handler after it.
  const last = read.arguments[read.arguments.length - 1];
  if (read.arguments.length < 2 || !last || !isRouter(receiver, mounts)) return undefined;
  // `client.get('/x', { params })` is a request, unless the receiver is known to be a router.
  if (argumentCode(view, last).startsWith('{') && !mounts.routers.has(receiver)) return undefined;
  // koa-router names a route by an optional first string: router.get('user', '/users/:id', handler).
  const named = read.arguments.length > 2 && stringArgument(view, read.arguments[1])?.startsWith('/');
  return read.arguments[named ? 1 : 0];
}

/** Where routes on `receiver` start: other files' mounts of its outermost router, then this file's own prefixes. */
function prefixOf(mounts: RouterMounts, receiver: string, context: RouteReadContext): string | undefined {
  const inner = mounts.prefixOf(receiver);
  const outer = context.mounts?.of(mounts.rootOf(receiver));
  return outer === undefined ? inner : joinRoutePath(outer.prefix, inner);
}

function readMethodCalls(
  view: SourceView,
  mounts: RouterMounts,
  context: RouteReadContext,
): RouteDeclaration[] {
  const { frameworks } = context;
  const routes: RouteDeclaration[] = [];
  for (const match of view.masked.matchAll(METHOD_CALL)) {
    const [call, receiver = '', method = ''] = match;
    const read = readCallArguments(view, match.index + call.length - 1);
    const last = read?.arguments[read.arguments.length - 1];
    if (!read || !last) continue;
    const paths = routePaths(view, pathArgument(view, read, receiver, mounts));
    // An inline handler's body is not part of the declaration: editing it does not change the route.
    const end = INLINE_FUNCTION.test(argumentCode(view, last)) ? last.start : read.close + 1;
    const framework = paths.length > 0 ? frameworkOf(view, frameworks, receiver) : 'express';
    for (const path of paths) {
      const route = {
        method: methodName(method),
        path: joinRoutePath(prefixOf(mounts, receiver, context), path),
        framework,
        handler: handlerOf(view, last),
      };
      routes.push(declareRoute(view, match.index, end, route));
    }
  }
  return routes;
}

function readRouteChains(
  view: SourceView,
  mounts: RouterMounts,
  context: RouteReadContext,
): RouteDeclaration[] {
  const routes: RouteDeclaration[] = [];
  for (const match of view.masked.matchAll(ROUTE_CHAIN)) {
    const [call, receiver = ''] = match;
    const framework = frameworkOf(view, context.frameworks, receiver);
    // Asked only for a route: it may read the rest of the project.
    const prefix = (): string | undefined => prefixOf(mounts, receiver, context);
    const read = readCallArguments(view, match.index + call.length - 1);
    if (!read || read.arguments.length === 0) continue;
    const first = read.arguments[0];
    const path = stringArgument(view, first);
    if (path !== undefined && read.arguments.length === 1) {
      routes.push(...readChainedMethods(view, read.close + 1, joinRoutePath(prefix(), path), framework));
    } else if (first && /^[[{]/.test(argumentCode(view, first))) {
      routes.push(...readRouteObjects(view, first, prefix(), framework));
    }
  }
  return routes;
}

/** `router.route('/x').get(a).post(b)`: Express's one-path, many-methods chain. */
function readChainedMethods(
  view: SourceView,
  from: number,
  path: string,
  framework: RouteFramework,
): RouteDeclaration[] {
  const routes: RouteDeclaration[] = [];
  let position = from;
  for (;;) {
    const chained = CHAINED_METHOD.exec(view.masked.slice(position, position + 400));
    if (!chained) return routes;
    const read = readCallArguments(view, position + chained[0].length - 1);
    if (!read) return routes;
    const last = read.arguments[read.arguments.length - 1];
    const method = methodName(chained[1] ?? '');
    routes.push(
      declareRoute(view, position, read.close + 1, {
        method,
        path,
        framework,
        handler: handlerOf(view, last),
      }),
    );
    position = read.close + 1;
  }
}

/** Express, Fastify, Koa (koa-router) and Hapi routes, with prefixes from routers mounted in the same file. */
export const javascriptRoutes: RouteExtractor = {
  appliesTo: (path) => /\.[cm]?[jt]sx?$/.test(path) && !/\.d\.ts$/.test(path),
  syntax: 'javascript',
  mentionsRoutes:
    /\.\s*(get|post|put|patch|delete|del|options|head|all|route|use|register|prefix)\s*\(|Router\s*\(|prefix|\b(method|path|url)\s*:/,
  extract(view, context) {
    const mounts = findRouterMounts(view);
    return [...readMethodCalls(view, mounts, context), ...readRouteChains(view, mounts, context)];
  },
};
