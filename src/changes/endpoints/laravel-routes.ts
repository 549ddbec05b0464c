import { argumentCode, readCallArguments, stringArgument, type CallArgument } from '../source/read-call.js';
import { stringsWithin, type SourceView } from '../source/source-view.js';
import {
  declareRoute,
  joinRoutePath,
  signatureWithout,
  type RouteDeclaration,
  type RouteExtractor,
} from './route-declaration.js';
import { singularNoun } from '../routes/resource-nouns.js';

interface ChainCall {
  name: string;
  arguments: CallArgument[];
}

interface Chain {
  start: number;
  end: number;
  calls: ChainCall[];
}

interface Group {
  start: number;
  end: number;
  prefix?: string;
  controller?: string;
}

const CHAIN_START = /\bRoute\s*::\s*(\w+)\s*\(/g;
const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'any', 'match', 'view']);
const RESOURCE_ACTIONS: [string, string, 'collection' | 'member', string][] = [
  ['index', 'GET', 'collection', ''],
  ['create', 'GET', 'collection', '/create'],
  ['store', 'POST', 'collection', ''],
  ['show', 'GET', 'member', ''],
  ['edit', 'GET', 'member', '/edit'],
  ['update', 'PUT', 'member', ''],
  ['update', 'PATCH', 'member', ''],
  ['destroy', 'DELETE', 'member', ''],
];

/** `Route::prefix('admin')->middleware('auth')->group(...)`: the calls of one chain. */
function readChain(view: SourceView, start: number, firstName: string, open: number): Chain | undefined {
  const calls: ChainCall[] = [];
  let name = firstName;
  let position = open;
  for (;;) {
    const read = readCallArguments(view, position);
    if (!read) return calls.length > 0 ? { start, end: position, calls } : undefined;
    calls.push({ name, arguments: read.arguments });
    const next = /^\s*->\s*(\w+)\s*\(/.exec(view.masked.slice(read.close + 1, read.close + 200));
    if (!next?.[1]) return { start, end: read.close + 1, calls };
    name = next[1];
    position = read.close + next[0].length;
  }
}

function classOf(view: SourceView, argument: CallArgument | undefined): string | undefined {
  return argument
    ? /^\\?([\w\\]+)::class$/.exec(argumentCode(view, argument))?.[1]?.split('\\').pop()
    : undefined;
}

function handlerOf(
  view: SourceView,
  argument: CallArgument | undefined,
  controller: string | undefined,
): string | undefined {
  if (!argument) return undefined;
  const code = argumentCode(view, argument);
  if (code.startsWith('[')) {
    const inner = readCallArguments(view, argument.start)?.arguments ?? [];
    const target = classOf(view, inner[0]);
    const method = stringArgument(view, inner[1]);
    return target && method ? `${target}@${method}` : target;
  }
  const written = stringArgument(view, argument);
  if (written === undefined) return classOf(view, argument);
  return controller && !written.includes('@') ? `${controller}@${written}` : written;
}

function listOption(view: SourceView, chain: Chain, name: 'only' | 'except'): string[] | undefined {
  const call = chain.calls.find((candidate) => candidate.name === name);
  if (call) return call.arguments.flatMap((argument) => stringsWithin(view, argument.start, argument.end));
  const options = chain.calls[0]?.arguments[2];
  if (!options) return undefined;
  const text = view.text.slice(options.start, options.end);
  const entry = new RegExp(`['"]${name}['"]\\s*=>\\s*\\[([^\\]]*)\\]`).exec(text);
  return entry ? [...(entry[1] ?? '').matchAll(/['"](\w+)['"]/g)].map((found) => found[1] ?? '') : undefined;
}

function expandResource(view: SourceView, chain: Chain, prefix: string | undefined, api: boolean) {
  const first = chain.calls[0];
  const name = stringArgument(view, first?.arguments[0]);
  if (!first || name === undefined) return [];
  const controller = classOf(view, first.arguments[1]);
  // 'photos.comments' nests: /photos/{photo}/comments/{comment}
  const segments = name.split('.');
  const parents = segments.slice(0, -1).map((segment) => `${segment}/{${singularNoun(segment)}}`);
  const last = segments[segments.length - 1] ?? name;
  const collection = joinRoutePath(prefix, ...parents, last);
  const member = joinRoutePath(collection, `{${singularNoun(last.replace(/-/g, '_'))}}`);
  const only = listOption(view, chain, 'only');
  const except = listOption(view, chain, 'except') ?? [];
  return RESOURCE_ACTIONS.filter(([action]) => !(api && (action === 'create' || action === 'edit')))
    .filter(([action]) => (only ? only.includes(action) : true) && !except.includes(action))
    .map(([action, method, base, suffix]) => ({
      method,
      path: `${base === 'collection' ? collection : member}${suffix}`,
      handler: controller ? `${controller}@${action}` : undefined,
    }));
}

function verbRoutes(
  view: SourceView,
  chain: Chain,
  prefix: string | undefined,
  controller: string | undefined,
) {
  const first = chain.calls[0];
  if (!first) return [];
  const matchCall = first.name === 'match';
  const path = stringArgument(view, first.arguments[matchCall ? 1 : 0]);
  if (path === undefined) return [];
  const methods = matchCall
    ? stringsWithin(view, first.arguments[0]?.start ?? 0, first.arguments[0]?.end ?? 0).map((method) =>
        method.toUpperCase(),
      )
    : [first.name === 'any' ? 'ANY' : first.name === 'view' ? 'GET' : first.name.toUpperCase()];
  const handler =
    first.name === 'view' ? undefined : handlerOf(view, first.arguments[matchCall ? 2 : 1], controller);
  return methods.map((method) => ({ method, path: joinRoutePath(prefix, path), handler }));
}

function readGroups(view: SourceView, chains: Chain[]): Group[] {
  const groups: Group[] = [];
  for (const chain of chains) {
    const group = chain.calls.find((call) => call.name === 'group');
    const body = group?.arguments[group.arguments.length - 1];
    if (!group || !body) continue;
    const prefixCall = chain.calls.find((call) => call.name === 'prefix');
    const options =
      group.arguments.length > 1
        ? view.text.slice(group.arguments[0]?.start ?? 0, group.arguments[0]?.end ?? 0)
        : '';
    const prefix =
      stringArgument(view, prefixCall?.arguments[0]) ??
      /['"]prefix['"]\s*=>\s*['"]([^'"]*)['"]/.exec(options)?.[1];
    const controller = classOf(view, chain.calls.find((call) => call.name === 'controller')?.arguments[0]);
    groups.push({ start: body.start, end: body.end, prefix, controller });
  }
  return groups;
}

function readRoutes(view: SourceView, filePrefix: string | undefined): RouteDeclaration[] {
  const chains: Chain[] = [];
  for (const match of view.masked.matchAll(CHAIN_START)) {
    const chain = readChain(view, match.index, match[1] ?? '', match.index + match[0].length - 1);
    if (chain) chains.push(chain);
  }
  const groups = readGroups(view, chains);
  const routes: RouteDeclaration[] = [];
  for (const chain of chains) {
    const enclosing = groups.filter((group) => group.start < chain.start && chain.start < group.end);
    const prefix = joinRoutePath(filePrefix, ...enclosing.map((group) => group.prefix));
    const controller = enclosing
      .map((group) => group.controller)
      .filter(Boolean)
      .pop();
    const verb = chain.calls[0]?.name ?? '';
    const found = VERBS.has(verb)
      ? verbRoutes(view, chain, prefix, controller)
      : verb === 'resource' || verb === 'apiResource'
        ? expandResource(view, chain, prefix, verb === 'apiResource')
        : [];
    for (const route of found) {
      // A resource line stands for many routes, and Route::match lists methods: neither list is part of one route.
      const signature = verb.toLowerCase().includes('resource')
        ? `${route.method} ${route.path} ${route.handler ?? ''}`
        : signatureWithout(
            view,
            chain.start,
            chain.end,
            verb === 'match' ? chain.calls[0]?.arguments[0] : undefined,
          );
      routes.push(declareRoute(view, chain.start, chain.end, { ...route, framework: 'laravel' }, signature));
    }
  }
  return routes;
}

/** Laravel `routes/*.php`: `Route::get/post/…/match/any`, `resource`/`apiResource` with `only`/`except`, `prefix()->group()` and `group(['prefix' => …])`; `routes/api.php` sits under `/api`. */
export const laravelRoutes: RouteExtractor = {
  appliesTo: (path) => /(^|\/)routes\/[^/]+\.php$/.test(path),
  syntax: 'php',
  mentionsRoutes: /Route\s*::|->\s*(group|prefix|only|except)\s*\(/,
  extract: (view, context) =>
    readRoutes(view, /(^|\/)routes\/api\.php$/.test(context.path) ? '/api' : undefined),
};
