import { nameOf, namesOf, type DslCall } from '../routing-dsl.js';
import { joinRoutePath } from '../route-entry.js';
import { singularNoun } from '../resource-nouns.js';
import { aliased, bound, type PhoenixScope } from './phoenix-scope.js';

/** A route one call of a Phoenix router draws. */
export interface PhoenixRoute {
  method: string;
  path: string;
  handler?: string;
}

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'connect', 'trace']);

/** True for the calls that draw routes by themselves (not `resources`, `forward` or blocks). */
export function isVerb(verb: string): boolean {
  return VERBS.has(verb) || verb === 'match' || verb === 'live' || verb === 'live_dashboard';
}

/** `Module.action`, or the module alone when no action is named. */
function handlerOf(module: string | undefined, action: string | undefined): string | undefined {
  if (module === undefined) return undefined;
  return action === undefined ? module : `${module}.${action}`;
}

/** The routes of `get "/p", C, :a`, `match :*, "/p", C, :a`, `live "/p", L, :a` and `live_dashboard "/p"`. */
export function verbRoutes(scope: PhoenixScope, call: DslCall): PhoenixRoute[] {
  const args = call.args.map((value) => bound(scope, value));
  if (call.verb === 'live_dashboard') {
    // Phoenix.LiveDashboard.Router draws its page live views under the path, outside the scope's alias.
    const path = nameOf(args[0]);
    if (path === undefined) return [];
    const handler = 'Phoenix.LiveDashboard.PageLive';
    return ['', ':page', ':node/:page'].map((tail) => ({
      method: 'GET',
      path: joinRoutePath(scope.path, path, tail),
      handler,
    }));
  }
  const isMatch = call.verb === 'match';
  const [path, module, action] = isMatch ? args.slice(1) : args;
  const written = nameOf(path);
  if (written === undefined) return [];
  const methods = isMatch
    ? (namesOf(args[0]) ?? []).map((method) => (method === '*' ? 'ANY' : method.toUpperCase()))
    : [call.verb === 'live' ? 'GET' : call.verb.toUpperCase()];
  const handler = handlerOf(aliased(scope, module), action?.kind === 'symbol' ? action.value : undefined);
  return methods.map((method) => ({
    method,
    path: joinRoutePath(scope.path, written),
    ...(handler !== undefined ? { handler } : {}),
  }));
}

const RESOURCE_ACTIONS: readonly [string, string, 'collection' | 'member', string][] = [
  ['index', 'GET', 'collection', ''],
  ['edit', 'GET', 'member', '/edit'],
  ['new', 'GET', 'collection', '/new'],
  ['show', 'GET', 'member', ''],
  ['create', 'POST', 'collection', ''],
  ['update', 'PATCH', 'member', ''],
  ['update', 'PUT', 'member', ''],
  ['delete', 'DELETE', 'member', ''],
];

/** `UserController` → `user`, as Phoenix names a resource for its nested routes' parameter (`:user_id`). */
function resourceName(call: DslCall, controller: string | undefined, path: string): string {
  const named = nameOf(call.options.name);
  if (named !== undefined) return named;
  const base = controller
    ?.split('.')
    .pop()
    ?.replace(/Controller$/, '');
  if (base)
    return base
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
      .replace(/([a-z\d])([A-Z])/g, '$1_$2')
      .toLowerCase();
  return singularNoun(path.split('/').filter(Boolean).pop() ?? 'id');
}

/** The routes of `resources "/users", UserController, only: […]` and where the routes of its block go. */
export function resourceRoutes(
  scope: PhoenixScope,
  call: DslCall,
): { routes: PhoenixRoute[]; nested: string } {
  const args = call.args.map((value) => bound(scope, value));
  const written = nameOf(args[0]);
  if (written === undefined) return { routes: [], nested: scope.path };
  const path = joinRoutePath(scope.path, written);
  const controller = aliased(scope, args[1]);
  const singleton = call.options.singleton?.kind === 'boolean' && call.options.singleton.value;
  const param = nameOf(call.options.param) ?? 'id';
  const member = singleton ? path : `${path}/:${param}`;
  const only = namesOf(call.options.only);
  const except = namesOf(call.options.except) ?? [];
  const routes = RESOURCE_ACTIONS.filter(([action]) => !(singleton && action === 'index'))
    .filter(([action]) => (only ? only.includes(action) : true) && !except.includes(action))
    .map(([action, method, place, suffix]) => ({
      method,
      path: `${place === 'member' ? member : path}${suffix}`,
      ...(controller !== undefined ? { handler: `${controller}.${action}` } : {}),
    }));
  const nested = singleton ? path : `${path}/:${resourceName(call, controller, written)}_${param}`;
  return { routes, nested };
}
