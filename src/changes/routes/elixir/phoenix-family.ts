import path from 'node:path';
import type { RouteFamily } from '../route-family.js';
import type { DslCall } from '../routing-dsl.js';
import { linkPhoenixRoutes } from './link-phoenix-routes.js';
import { aliased, innerScope, topScope, type PhoenixScope } from './phoenix-scope.js';
import { readPhoenixFacts, type PhoenixFacts } from './read-phoenix-facts.js';

/** `MyAppWeb.APIRouter` → `my_app_web/api_router`, as Elixir names a module's file (`Macro.underscore`). */
function underscore(module: string): string {
  return module
    .split('.')
    .map((part) =>
      part
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
        .replace(/([a-z\d])([A-Z])/g, '$1_$2')
        .toLowerCase(),
    )
    .join('/');
}

/** `api_router` → `ApiRouter` and `APIRouter`: the module names a file's name may stand for. */
function moduleNames(file: string): string[] {
  const parts = path.posix.basename(file, '.ex').split('_').filter(Boolean);
  const camel = parts.map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
  const acronyms = parts
    .map((part) => (part.length <= 3 ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
  return [...new Set([camel, acronyms])];
}

/** The modules a router's `forward`s name, with the aliases of the scopes around them. */
function forwardedModules(calls: readonly DslCall[], scope: PhoenixScope, found: Set<string>): Set<string> {
  for (const call of calls) {
    if (call.verb === 'forward') {
      const module = aliased(scope, call.args[1]);
      if (module !== undefined) found.add(module);
      const written = call.args[1];
      if (written?.kind === 'constant') found.add(written.name);
    }
    if (call.block)
      forwardedModules(call.block, call.verb === 'scope' ? innerScope(scope, call) : scope, found);
  }
  return found;
}

/** Phoenix: routers (`use Phoenix.Router` or `use MyAppWeb, :router`) and the project's routers they forward to. */
export const phoenixRouteFamily: RouteFamily<PhoenixFacts> = {
  id: 'phoenix-routes',
  grammars: ['elixir'],
  accepts: (file) => file.endsWith('.ex'),
  // A router says so, or (a fragment of one in a diff) calls the routing macros at the start of a line.
  mayDeclareRoutes: (text) =>
    /\bPhoenix\.Router\b|,\s*:router\b|^\s*(?:(?:scope|resources|live|live_session|forward|pipe_through)\b|(?:get|post|put|patch|delete|match)\s+:?["*\w])/m.test(
      text,
    ),
  // Calls span lines (`only:` or a `for` list on a line of their own): any change can move a route.
  changeMayMoveRoutes: () => true,
  // A router is forwarded to by its module's name: the one it defines, else the one its file's name stands for.
  mounterHints: (file, facts) => {
    const defined = (facts?.modules ?? []).map((module) => module.split('.').pop() ?? module);
    return defined.length > 0 ? [...new Set(defined)] : moduleNames(file);
  },
  dependencies: (facts, _file, side) => {
    const found = new Set<string>();
    for (const module of forwardedModules(facts.calls, topScope(), new Set())) {
      const conventional = path.posix.join(side.project, 'lib', `${underscore(module)}.ex`);
      if (side.exists(conventional)) found.add(conventional);
      // A module kept outside Elixir's file naming: the files that name it.
      else for (const file of side.mentioning?.(module.split('.').pop() ?? module) ?? []) found.add(file);
    }
    return [...found];
  },
  readFacts: (root) => readPhoenixFacts(root),
  link: linkPhoenixRoutes,
};
