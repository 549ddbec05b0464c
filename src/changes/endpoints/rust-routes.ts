import type { RouteFramework } from '../change-analysis.js';
import { argumentCode, readCallArguments, stringArgument } from '../source/read-call.js';
import { stringsWithin, type SourceView } from '../source/source-view.js';
import {
  declareRoute,
  joinRoutePath,
  type RouteDeclaration,
  type RouteExtractor,
} from './route-declaration.js';
import { findRustRouteScopes, type RustRouteScopes } from './rust-route-scopes.js';

const ATTRIBUTE = /#\[\s*(?:\w+::)*(get|post|put|delete|patch|head|options|trace|connect|route)\s*\(/g;
const ROUTE_CALL = /\.\s*route\s*\(/g;
const RESOURCE = /\bweb::resource\s*\(/g;
const METHOD_ROUTER =
  /(?:^|[^\w:]|(?:routing|web)::)(get|post|put|delete|patch|head|options|trace|any)(?:_service)?\s*\(/g;

function frameworkOf(view: SourceView, frameworks: string[]): RouteFramework {
  if (/\bactix_web\b/.test(view.text)) return 'actix-web';
  if (/\baxum\b/.test(view.text)) return 'axum';
  if (/\brocket\b/.test(view.text)) return 'rocket';
  const known = (['actix-web', 'axum', 'rocket'] as const).find((name) => frameworks.includes(name));
  return known ?? 'actix-web';
}

/** `#[get("/users/{id}")] async fn show(…)`: Actix and Rocket attribute routes, prefixed where a scope or mount in the same file serves the function. */
function readAttributes(
  view: SourceView,
  scopes: RustRouteScopes,
  framework: RouteFramework,
): RouteDeclaration[] {
  const routes: RouteDeclaration[] = [];
  for (const match of view.masked.matchAll(ATTRIBUTE)) {
    const read = readCallArguments(view, match.index + match[0].length - 1);
    const path = stringArgument(view, read?.arguments[0]);
    if (!read || path === undefined) continue;
    const handler = /^\s*\]\s*(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?(?:async\s+)?fn\s+(\w+)/.exec(
      view.masked.slice(read.close + 1, read.close + 400),
    )?.[1];
    const verb = match[1] ?? '';
    const methods =
      verb === 'route'
        ? read.arguments.flatMap((argument) =>
            /^method\s*=/.test(argumentCode(view, argument))
              ? stringsWithin(view, argument.start, argument.end)
              : [],
          )
        : [verb.toUpperCase()];
    const prefix = handler ? scopes.servicePrefix(handler) : undefined;
    for (const method of methods) {
      routes.push(
        declareRoute(view, match.index, read.close + 2, {
          method,
          path: joinRoutePath(prefix, path),
          framework,
          handler,
        }),
      );
    }
  }
  return routes;
}

/** The methods and handlers of a method router: `get(list).post(create)`, `web::get().to(show)`, `on(MethodFilter::PUT, h)`. */
function methodRouters(view: SourceView, start: number, end: number): { method: string; handler?: string }[] {
  const found: { method: string; handler?: string }[] = [];
  const code = view.masked.slice(start, end);
  for (const match of code.matchAll(METHOD_ROUTER)) {
    const open = start + match.index + match[0].length - 1;
    const read = readCallArguments(view, open);
    let handlerCode = read?.arguments[0] ? argumentCode(view, read.arguments[0]) : '';
    // Actix: web::get().to(handler)
    const to = read
      ? /^\s*\.\s*to\s*\(\s*([\w:]+)/.exec(view.masked.slice(read.close + 1, read.close + 200))
      : null;
    if (to?.[1]) handlerCode = to[1];
    const method = (match[1] ?? '').toUpperCase();
    found.push({
      method: method === 'ANY' ? 'ANY' : method,
      handler: /^[\w:]+$/.test(handlerCode) ? handlerCode : undefined,
    });
  }
  for (const match of code.matchAll(/MethodFilter::(\w+)/g)) found.push({ method: match[1] ?? '' });
  return found;
}

/** Axum `.route("/x", get(h).post(h2))` and Actix `.route("/x", web::get().to(h))`. */
function readRouteCalls(
  view: SourceView,
  scopes: RustRouteScopes,
  framework: RouteFramework,
): RouteDeclaration[] {
  const routes: RouteDeclaration[] = [];
  for (const match of view.masked.matchAll(ROUTE_CALL)) {
    const read = readCallArguments(view, match.index + match[0].length - 1);
    const [pathArgument, router] = read?.arguments ?? [];
    const path = stringArgument(view, pathArgument);
    if (!read || path === undefined || !router) continue;
    const prefix = scopes.prefixAt(match.index);
    for (const { method, handler } of methodRouters(view, router.start, router.end)) {
      // One `.route` serves several methods: each route is its method and handler, not the whole call.
      const declared = { method, path: joinRoutePath(prefix, path), framework, handler };
      routes.push(
        declareRoute(view, match.index, read.close + 1, declared, `${method} ${path} ${handler ?? ''}`),
      );
    }
  }
  return routes;
}

/** Actix `web::resource("/x").route(web::get().to(a)).route(web::post().to(b))` (or `.to(h)` for every method). */
function readResources(
  view: SourceView,
  scopes: RustRouteScopes,
  framework: RouteFramework,
): RouteDeclaration[] {
  const routes: RouteDeclaration[] = [];
  for (const match of view.masked.matchAll(RESOURCE)) {
    const read = readCallArguments(view, match.index + match[0].length - 1);
    const path = stringArgument(view, read?.arguments[0]);
    if (!read || path === undefined) continue;
    const full = joinRoutePath(scopes.prefixAt(match.index), path);
    let position = read.close + 1;
    for (
      let chained = /^\s*\.\s*(route|to)\s*\(/.exec(view.masked.slice(position, position + 200));
      chained;
      chained = /^\s*\.\s*(route|to)\s*\(/.exec(view.masked.slice(position, position + 200))
    ) {
      const call = readCallArguments(view, position + chained[0].length - 1);
      if (!call) break;
      const found =
        chained[1] === 'to'
          ? [{ method: 'ANY', handler: argumentCode(view, call.arguments[0] ?? { start: 0, end: 0 }) }]
          : methodRouters(view, call.arguments[0]?.start ?? 0, call.arguments[0]?.end ?? 0);
      for (const { method, handler } of found) {
        routes.push(
          declareRoute(view, position, call.close + 1, {
            method,
            path: full,
            framework,
            handler: handler || undefined,
          }),
        );
      }
      position = call.close + 1;
    }
  }
  return routes;
}

/** Actix Web, Axum and Rocket routes, with `web::scope`, `.nest` and `.mount` prefixes from the same file. */
export const rustRoutes: RouteExtractor = {
  appliesTo: (path) => path.endsWith('.rs'),
  syntax: 'rust',
  mentionsRoutes:
    /#\[\s*(?:\w+::)*(get|post|put|delete|patch|head|options|trace|connect|route)\s*\(|\.\s*(route|nest|service|mount|scope|resource)\s*\(|web::|routes!/,
  extract(view, context) {
    const framework = frameworkOf(view, context.frameworks);
    const scopes = findRustRouteScopes(view);
    return [
      ...readAttributes(view, scopes, framework),
      ...readRouteCalls(view, scopes, framework),
      ...readResources(view, scopes, framework),
    ];
  },
};
