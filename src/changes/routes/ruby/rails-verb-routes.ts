import { nameOf, namesOf, type DslCall, type DslValue } from '../routing-dsl.js';
import { joinRoutePath } from '../route-entry.js';
import { controllerPath, type RailsScope } from './rails-scope.js';
import type { ResourceRoute } from './rails-resources.js';

/** `to: 'users#show'` under the scope's module; a Rack app or `redirect(…)` names no action. */
function target(scope: RailsScope, to: DslValue | undefined): string | undefined {
  const written = to?.kind === 'string' ? to.value : undefined;
  if (written === undefined || !written.includes('#')) return undefined;
  const [controller = '', action = ''] = written.split('#');
  return `${controllerPath(scope, controller)}#${action}`;
}

/** The path a verb names and what the `'path' => 'c#a'` form routes it to. */
function pathAndTarget(call: DslCall): { path?: string; to?: DslValue; symbol: boolean } {
  const [first] = call.pairs;
  if (call.args.length === 0 && first) return { path: nameOf(first[0]), to: first[1], symbol: false };
  const written = call.args[0];
  return { path: nameOf(written), to: call.options.to, symbol: written?.kind === 'symbol' };
}

/** Where a verb's path starts: the resource's member, collection or new path for `on:`, else the block's path. */
function baseOf(scope: RailsScope, call: DslCall): string {
  const on = nameOf(call.options.on);
  if (on === 'member') return scope.resource?.member ?? scope.path;
  if (on === 'collection') return scope.resource?.collection ?? scope.path;
  if (on === 'new') return scope.resource?.newPath ?? scope.path;
  return scope.path;
}

/** The action a verb routes to, from `to:`, `controller:`/`action:`, the enclosing controller or its own path. */
function handlerOf(
  scope: RailsScope,
  call: DslCall,
  path: string,
  to: DslValue | undefined,
  symbol: boolean,
) {
  const explicit = target(scope, to);
  if (explicit !== undefined || (to !== undefined && to.kind !== 'symbol')) return explicit;
  const controller = nameOf(call.options.controller);
  const action = nameOf(call.options.action) ?? (to?.kind === 'symbol' ? to.value : scope.action);
  const owner = controller !== undefined ? controllerPath(scope, controller) : scope.controller;
  const word = path.replace(/^\//, '');
  if (owner !== undefined && (action !== undefined || symbol || /^\w+$/.test(word)))
    return `${owner}#${action ?? word}`;
  // `get 'photos/search'` outside any controller routes to `photos#search`.
  const inferred = /^(\w+(?:\/\w+)*)\/(\w+)$/.exec(word);
  return inferred ? `${controllerPath(scope, inferred[1] ?? '')}#${action ?? inferred[2] ?? ''}` : undefined;
}

/** The methods of `get`… or of `match … via:` (`:all` and a missing `via:` serve any method). */
function methodsOf(call: DslCall): string[] {
  if (call.verb !== 'match') return [call.verb.toUpperCase()];
  const via = namesOf(call.options.via) ?? ['all'];
  return via.map((method) => (method === 'all' ? 'ANY' : method.toUpperCase()));
}

/** The routes of `get`, `post`, `put`, `patch`, `delete`, `options`, `head` and `match`. */
export function verbRoutes(scope: RailsScope, call: DslCall): ResourceRoute[] {
  const { path, to, symbol } = pathAndTarget(call);
  if (path === undefined) return [];
  const segment = nameOf(call.options.path) ?? path;
  const full = joinRoutePath(baseOf(scope, call), segment);
  const handler = handlerOf(scope, call, path, to, symbol) ?? '';
  return methodsOf(call).map((method) => ({ method, path: full, handler }));
}

/** `root 'pages#home'`, `root to: 'pages#home'`: GET at the block's path. */
export function rootRoute(scope: RailsScope, call: DslCall): ResourceRoute {
  const to = call.options.to ?? call.args[0];
  return { method: 'GET', path: joinRoutePath(scope.path), handler: target(scope, to) ?? '' };
}
