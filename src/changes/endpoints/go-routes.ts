import type { RouteFramework } from '../change-analysis.js';
import { importedFramework } from './imported-framework.js';
import { argumentCode, readCallArguments, stringArgument, type CallArgument } from '../source/read-call.js';
import { stringsWithin, type SourceView } from '../source/source-view.js';
import {
  declareRoute,
  joinRoutePath,
  signatureWithout,
  HTTP_METHODS,
  type RouteDeclaration,
  type RouteExtractor,
} from './route-declaration.js';
import { findGoRouteScopes, type GoRouteScopes } from './go-route-scopes.js';

const METHOD_CALL =
  /(\w+)\s*\.\s*(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|CONNECT|TRACE|Any|Get|Post|Put|Patch|Delete|Head|Options|Connect|Trace|All|Handle|HandleFunc|Method|MethodFunc|Match)\s*\(/g;
const CLIENTS =
  /^(http|client|httpClient|c|ctx|req|r\d|resp|res|cache|rdb|redis|db|tx|store|session|cfg|config|viper|q|query|params|header|headers|values|form|m)$/;

function detectGoImport(imports: string): RouteFramework | undefined {
  if (imports.includes('github.com/gin-gonic/gin')) return 'gin';
  if (imports.includes('github.com/labstack/echo')) return 'echo';
  if (imports.includes('github.com/go-chi/chi')) return 'chi';
  if (imports.includes('github.com/gofiber/fiber')) return 'fiber';
  return imports.includes('github.com/gorilla/mux') ? 'gorilla-mux' : undefined;
}

function frameworkOf(
  view: SourceView,
  frameworks: string[],
  style: 'upper' | 'lower' | 'echo',
): RouteFramework {
  const imported = importedFramework(view, 'go', detectGoImport);
  if (imported) return imported;
  if (style === 'echo') return 'echo';
  const candidates: RouteFramework[] = style === 'upper' ? ['gin', 'echo'] : ['chi', 'fiber'];
  return candidates.find((name) => frameworks.includes(name)) ?? candidates[0] ?? 'gin';
}

function handlerOf(view: SourceView, argument: CallArgument | undefined): string | undefined {
  const code = argument ? argumentCode(view, argument) : '';
  return /^[\w.]+$/.test(code) ? code : undefined;
}

/** The method and path of one call, or undefined when it is not a route (a client request, a map read). */
function readRoute(
  view: SourceView,
  verb: string,
  found: CallArgument[],
): { methods: string[]; path: string } | undefined {
  const strings = found.map((argument) => stringArgument(view, argument));
  if (verb === 'Handle' || verb === 'HandleFunc') {
    // Gin's Handle("GET", "/x", h) names the method first; net/http (Go 1.22) writes "GET /x".
    if (strings[0] && HTTP_METHODS.includes(strings[0]) && strings[1] !== undefined)
      return { methods: [strings[0]], path: strings[1] };
    const pattern = /^(?:([A-Z]+)\s+)?(\/\S*)$/.exec(strings[0] ?? '');
    return pattern ? { methods: [pattern[1] ?? 'ANY'], path: pattern[2] ?? '/' } : undefined;
  }
  if (verb === 'Method' || verb === 'MethodFunc') {
    return strings[0] && strings[1] !== undefined
      ? { methods: [strings[0].toUpperCase()], path: strings[1] }
      : undefined;
  }
  if (verb === 'Match') {
    const listed = found[0] ? stringsWithin(view, found[0].start, found[0].end) : [];
    return strings[1] !== undefined
      ? { methods: listed.map((method) => method.toUpperCase()), path: strings[1] }
      : undefined;
  }
  const path = strings[0];
  if (path === undefined || !(path === '' || path.startsWith('/') || path === '*')) return undefined;
  return { methods: [verb === 'Any' || verb === 'All' ? 'ANY' : verb.toUpperCase()], path };
}

/** gorilla/mux: `r.HandleFunc("/x", h).Methods("GET", "POST")`. */
function chainedMethods(view: SourceView, close: number): string[] | undefined {
  const chained = /^\s*\.\s*Methods\s*\(/.exec(view.masked.slice(close + 1, close + 200));
  if (!chained) return undefined;
  const read = readCallArguments(view, close + chained[0].length);
  return read ? stringsWithin(view, close + 1, read.close).map((method) => method.toUpperCase()) : undefined;
}

function readCalls(view: SourceView, scopes: GoRouteScopes, frameworks: string[]): RouteDeclaration[] {
  const routes: RouteDeclaration[] = [];
  for (const match of view.masked.matchAll(METHOD_CALL)) {
    const [call, receiver = '', verb = ''] = match;
    if (CLIENTS.test(receiver) && !scopes.routers.has(receiver)) continue;
    const read = readCallArguments(view, match.index + call.length - 1);
    if (!read || read.arguments.length < 2) continue;
    const route = readRoute(view, verb, read.arguments);
    if (!route) continue;
    const methods = chainedMethods(view, read.close) ?? route.methods;
    // Gin and Echo spell methods in capitals (Echo alone has Match); chi and Fiber do not.
    const style = verb === 'Match' ? 'echo' : /^[A-Z]+$/.test(verb) ? 'upper' : 'lower';
    const framework = frameworkOf(view, frameworks, style);
    const path = joinRoutePath(scopes.prefixAt(receiver, match.index), route.path);
    // Echo takes the handler right after the path and middleware after it; the others end with the handler.
    const handlerArgument =
      framework === 'echo' && !['Handle', 'Match'].includes(verb)
        ? read.arguments[1]
        : read.arguments[read.arguments.length - 1];
    const handler = handlerOf(view, handlerArgument);
    const listed = verb === 'Match' ? read.arguments[0] : undefined;
    // An inline `func(c *gin.Context) {…}` handler's body is not part of the declaration.
    const last = read.arguments[read.arguments.length - 1];
    const end = last && /^func\b/.test(argumentCode(view, last)) ? last.start : read.close + 1;
    const signature = signatureWithout(view, match.index, end, listed);
    for (const method of methods) {
      routes.push(declareRoute(view, match.index, end, { method, path, framework, handler }, signature));
    }
  }
  return routes;
}

/** Gin, Echo, chi, Fiber, gorilla/mux and net/http routes, with `Group`, `Route`, `PathPrefix` prefixes in the same file. */
export const goRoutes: RouteExtractor = {
  appliesTo: (path) => path.endsWith('.go') && !path.endsWith('_test.go'),
  syntax: 'go',
  mentionsRoutes:
    /\.\s*(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|Any|Get|Post|Put|Patch|Delete|Head|Options|All|Handle|HandleFunc|Method|MethodFunc|Match|Group|Route|Mount|PathPrefix)\s*\(/,
  extract: (view, context) => readCalls(view, findGoRouteScopes(view), context.frameworks),
};
