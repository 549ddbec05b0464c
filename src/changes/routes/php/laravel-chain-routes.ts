import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { stringValue } from '../../../code/syntax/node-text.js';
import { joinRoutePath } from '../route-entry.js';
import { singularNoun } from '../resource-nouns.js';
import {
  arrayEntries,
  chainSignature,
  className,
  isClosure,
  stringsOf,
  type CallChain,
} from './php-call-chain.js';

/** A route one chain declares, its path under the file's groups still to be prefixed. */
export interface ChainRoute {
  methods: string[];
  path: string;
  handler?: string;
  signature: string;
}

const VERBS: Readonly<Record<string, string>> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
  options: 'OPTIONS',
  any: 'ANY',
  view: 'GET',
  redirect: 'ANY',
  permanentRedirect: 'ANY',
};
const RESOURCES = new Set([
  'resource',
  'apiResource',
  'resources',
  'apiResources',
  'singleton',
  'apiSingleton',
]);

/** What a route declaration is: a verb (`get`, `match`…) or a resource, found among the chain's calls. */
export function isRouteCall(name: string): boolean {
  return name in VERBS || name === 'match' || RESOURCES.has(name);
}

/** `[UserController::class, 'show']`, `UserController::class`, `'UserController@show'`, or an action of the group's controller. */
function handlerOf(node: SyntaxNode | undefined, controller: string | undefined): string | undefined {
  if (!node || isClosure(node)) return undefined;
  if (node.type === 'array_creation_expression') {
    const [owner, method] = node.namedChildren.map((element) => element?.namedChildren[0] ?? undefined);
    const name = className(owner);
    const action = method ? stringValue(method) : undefined;
    return name && action !== undefined ? `${name}@${action}` : name;
  }
  const written = stringValue(node);
  if (written === undefined) return className(node);
  return controller !== undefined && !written.includes('@') ? `${controller}@${written}` : written;
}

function verbRoute(chain: CallChain, index: number, controller: string | undefined): ChainRoute[] {
  const call = chain.calls[index];
  if (!call) return [];
  const isMatch = call.name === 'match';
  const pathNode = call.args[isMatch ? 1 : 0];
  const path = stringValue(pathNode);
  if (path === undefined || !pathNode) return [];
  const methods = isMatch
    ? stringsOf(call.args[0]).map((method) => method.toUpperCase())
    : [VERBS[call.name] ?? 'ANY'];
  // `view` and `redirect` name a template and a target, not a handler.
  const names = !['view', 'redirect', 'permanentRedirect'].includes(call.name);
  const handlerNode = names ? call.args[isMatch ? 2 : 1] : undefined;
  const handler = handlerOf(handlerNode, controller);
  // The path, `match`'s methods and the handler as written are compared through what they resolve to.
  const written = [
    pathNode,
    isMatch ? call.args[0] : undefined,
    handler !== undefined ? handlerNode : undefined,
  ];
  const skip = new Set(written.filter((node): node is SyntaxNode => node !== undefined));
  const route: ChainRoute = {
    methods,
    path,
    signature: `${handler ?? ''} ${chainSignature(chain.calls, skip)}`,
  };
  if (handler !== undefined) route.handler = handler;
  return [route];
}

/** Options of a resource: `->only([…])`, `->except([…])`, `->shallow()`, `->creatable()`, or the options array. */
function resourceOptions(chain: CallChain, index: number) {
  const later = chain.calls.slice(index + 1);
  const call = chain.calls[index];
  // `resource('photos', C::class, [options])`, `resources([…], [options])`.
  const options = arrayEntries(call?.args[call.name.endsWith('esources') ? 1 : 2]);
  const listed = (name: 'only' | 'except'): string[] | undefined => {
    const call = later.find((candidate) => candidate.name === name);
    if (call) return call.args.flatMap(stringsOf);
    const option = options.get(name);
    return option ? stringsOf(option) : undefined;
  };
  const has = (name: string) => later.some((candidate) => candidate.name === name);
  return {
    only: listed('only'),
    except: listed('except') ?? [],
    shallow: has('shallow'),
    creatable: has('creatable'),
    destroyable: has('destroyable'),
  };
}

type Action = [action: string, method: string, place: 'collection' | 'member', suffix: string];

const RESOURCE_ACTIONS: readonly Action[] = [
  ['index', 'GET', 'collection', ''],
  ['create', 'GET', 'collection', '/create'],
  ['store', 'POST', 'collection', ''],
  ['show', 'GET', 'member', ''],
  ['edit', 'GET', 'member', '/edit'],
  ['update', 'PUT', 'member', ''],
  ['update', 'PATCH', 'member', ''],
  ['destroy', 'DELETE', 'member', ''],
];

/** The actions of a resource kind, before `only`/`except`. */
function actionsOf(kind: string, options: ReturnType<typeof resourceOptions>): readonly Action[] {
  const api = kind.startsWith('api');
  if (!kind.endsWith('ingleton'))
    return RESOURCE_ACTIONS.filter(([action]) => !(api && (action === 'create' || action === 'edit')));
  // A singleton has no index and no id; `creatable()` adds create/store/destroy, `destroyable()` destroy.
  const extra = options.creatable ? ['create', 'store', 'destroy'] : options.destroyable ? ['destroy'] : [];
  return RESOURCE_ACTIONS.filter(
    ([action]) =>
      ['show', 'edit', 'update', ...extra].includes(action) &&
      !(api && (action === 'create' || action === 'edit')),
  ).map(([action, method, , suffix]) => [action, method, 'collection', suffix] as Action);
}

/** `photos.comments` → `/photos/{photo}/comments` and `/photos/{photo}/comments/{comment}` (shallow: `/comments/{comment}`). */
function expandResource(
  kind: string,
  name: string,
  controller: string | undefined,
  chain: CallChain,
  index: number,
): ChainRoute[] {
  const options = resourceOptions(chain, index);
  const segments = name.split('.');
  const last = segments[segments.length - 1] ?? name;
  const parents = segments
    .slice(0, -1)
    .map((segment) => `${segment}/{${singularNoun(segment.replace(/-/g, '_'))}}`);
  const collection = joinRoutePath(...parents, last);
  const memberBase = options.shallow ? joinRoutePath(last) : collection;
  const member = joinRoutePath(
    memberBase,
    `{${singularNoun(last.split('/').pop()?.replace(/-/g, '_') ?? last)}}`,
  );
  return actionsOf(kind, options)
    .filter(
      ([action]) => (options.only ? options.only.includes(action) : true) && !options.except.includes(action),
    )
    .map(([action, method, place, suffix]) => {
      const handler = controller === undefined ? undefined : `${controller}@${action}`;
      const route: ChainRoute = {
        methods: [method],
        path: `${place === 'collection' ? collection : member}${suffix}`,
        signature: `${kind} ${handler ?? action}`,
      };
      if (handler !== undefined) route.handler = handler;
      return route;
    });
}

function resourceRoutes(chain: CallChain, index: number): ChainRoute[] {
  const call = chain.calls[index];
  if (!call) return [];
  // `Route::resources(['photos' => PhotoController::class, …])` declares several at once.
  if (call.name === 'resources' || call.name === 'apiResources') {
    const kind = call.name === 'resources' ? 'resource' : 'apiResource';
    return [...arrayEntries(call.args[0])].flatMap(([name, controller]) =>
      expandResource(kind, name, className(controller), chain, index),
    );
  }
  const name = stringValue(call.args[0]);
  return name === undefined ? [] : expandResource(call.name, name, className(call.args[1]), chain, index);
}

/** The routes a chain declares at `index` (its verb or resource call), with the group's controller for bare actions. */
export function chainRoutes(chain: CallChain, index: number, controller: string | undefined): ChainRoute[] {
  const name = chain.calls[index]?.name ?? '';
  return RESOURCES.has(name) ? resourceRoutes(chain, index) : verbRoute(chain, index, controller);
}
