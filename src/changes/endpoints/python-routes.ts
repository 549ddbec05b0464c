import type { RouteFramework } from '../change-analysis.js';
import { importedFramework } from './imported-framework.js';
import {
  keywordArgument,
  positionalArguments,
  readCallArguments,
  stringArgument,
  type CallArgument,
} from '../source/read-call.js';
import { stringsWithin, type SourceView } from '../source/source-view.js';
import {
  declareRoute,
  joinRoutePath,
  signatureWithout,
  type RouteDeclaration,
  type RouteExtractor,
  type RouteReadContext,
} from './route-declaration.js';
import { findPythonRouters, type PythonRouters } from './python-router-mounts.js';

const DECORATOR =
  /@\s*([\w.]+?)\s*\.\s*(get|post|put|patch|delete|head|options|trace|route|api_route|websocket)\s*\(/g;
const ADD_RULE = /([\w.]+?)\s*\.\s*(add_url_rule|add_api_route)\s*\(/g;

function frameworkOf(
  view: SourceView,
  verb: string,
  receiver: string,
  routers: PythonRouters,
  frameworks: string[],
): RouteFramework {
  const known = routers.framework.get(receiver);
  if (known) return known;
  const imported = importedFramework(view, 'python', (text) =>
    /^\s*(from|import)\s+fastapi\b/m.test(text)
      ? 'fastapi'
      : /^\s*(from|import)\s+flask\b/m.test(text)
        ? 'flask'
        : undefined,
  );
  if (imported) return imported;
  // Only Flask routes with `.route(...)` and `add_url_rule`; FastAPI's spelling is `api_route`.
  if (verb === 'route' || verb === 'add_url_rule') return 'flask';
  if (verb === 'api_route' || verb === 'add_api_route') return 'fastapi';
  if (frameworks.includes('fastapi')) return 'fastapi';
  return frameworks.includes('flask') ? 'flask' : 'fastapi';
}

function methodsOf(view: SourceView, verb: string, found: CallArgument[]): string[] {
  if (verb === 'websocket') return ['WEBSOCKET'];
  if (verb !== 'route' && verb !== 'api_route' && verb !== 'add_url_rule' && verb !== 'add_api_route')
    return [verb.toUpperCase()];
  const listed = keywordArgument(view, found, 'methods');
  const methods = listed
    ? stringsWithin(view, listed.start, listed.end).map((method) => method.toUpperCase())
    : [];
  // Flask routes and FastAPI's api_route answer GET when no methods are listed.
  return methods.length > 0 ? methods : ['GET'];
}

function handlerAfter(view: SourceView, from: number): string | undefined {
  const match = /^(?:\s*@[^\n]*)*\s*(?:async\s+)?def\s+(\w+)/.exec(view.masked.slice(from, from + 2000));
  return match?.[1];
}

/** The prefix of routes on `receiver`: other files' mounts of its outermost router, then this file's own. */
function prefixOf(
  routers: PythonRouters,
  receiver: string,
  framework: RouteFramework,
  context: RouteReadContext,
): string | undefined {
  const root = routers.rootOf(receiver);
  const outer = context.mounts?.of(root);
  // A Flask blueprint registered elsewhere with `url_prefix` loses its own.
  const replaced = framework === 'flask' && outer?.namesPrefix === true ? root : undefined;
  const inner = routers.prefixOf(receiver, replaced);
  return outer === undefined ? inner : joinRoutePath(outer.prefix, inner);
}

function readDecorated(
  view: SourceView,
  pattern: RegExp,
  context: RouteReadContext,
  routers: PythonRouters,
): RouteDeclaration[] {
  return [...view.masked.matchAll(pattern)].flatMap((match) =>
    readRouteCall(view, match, pattern === DECORATOR, { context, routers }),
  );
}

/** One decorator or `add_url_rule`/`add_api_route` call: a route per method it answers. */
function readRouteCall(
  view: SourceView,
  match: RegExpExecArray,
  decorated: boolean,
  { context, routers }: { context: RouteReadContext; routers: PythonRouters },
): RouteDeclaration[] {
  const [call, receiverPath = '', verb = ''] = match;
  const read = readCallArguments(view, match.index + call.length - 1);
  if (!read) return [];
  const path = routePathArgument(view, read.arguments);
  if (path === undefined) return [];
  const receiver = receiverPath.split('.').pop() ?? receiverPath;
  const framework = frameworkOf(view, verb, receiver, routers, context.frameworks);
  const handler = decorated
    ? handlerAfter(view, read.close + 1)
    : registeredViewFunction(view, verb, read.arguments);
  const listed = keywordArgument(view, read.arguments, 'methods');
  const signature = signatureWithout(view, match.index, read.close + 1, listed);
  return methodsOf(view, verb, read.arguments).map((method) =>
    declareRoute(
      view,
      match.index,
      read.close + 1,
      {
        method,
        path: joinRoutePath(prefixOf(routers, receiver, framework, context), path),
        framework,
        handler: handler && /^[\w.]+$/.test(handler) ? handler : undefined,
      },
      signature,
    ),
  );
}

/** The route's path: first positional argument, else FastAPI's `path=` or Flask's `rule=`. */
function routePathArgument(view: SourceView, found: CallArgument[]): string | undefined {
  return stringArgument(
    view,
    positionalArguments(view, found)[0] ??
      keywordArgument(view, found, 'path') ??
      keywordArgument(view, found, 'rule'),
  );
}

/** The function an `add_url_rule(rule, endpoint, view_func)` or `add_api_route(path, endpoint)` call registers. */
function registeredViewFunction(view: SourceView, verb: string, found: CallArgument[]): string | undefined {
  const viewFunction =
    keywordArgument(view, found, 'view_func') ??
    positionalArguments(view, found)[verb === 'add_api_route' ? 1 : 2];
  return viewFunction && view.text.slice(viewFunction.start, viewFunction.end);
}

/** FastAPI and Flask routes: decorators, `add_url_rule`/`add_api_route`, with `APIRouter(prefix=…)`, `Blueprint(url_prefix=…)` and mounts in the same file. */
export const pythonRoutes: RouteExtractor = {
  appliesTo: (path) => path.endsWith('.py'),
  syntax: 'python',
  mentionsRoutes:
    /@\s*[\w.]+\.(get|post|put|patch|delete|head|options|trace|route|api_route|websocket)\b|APIRouter|Blueprint|include_router|register_blueprint|add_url_rule|add_api_route|prefix/,
  extract(view, context) {
    const routers = findPythonRouters(view);
    const rules = /add_url_rule|add_api_route/.test(view.masked)
      ? readDecorated(view, ADD_RULE, context, routers)
      : [];
    return [...readDecorated(view, DECORATOR, context, routers), ...rules];
  },
};
