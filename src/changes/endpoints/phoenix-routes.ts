import type { SourceView } from '../source/source-view.js';
import {
  declareRoute,
  joinRoutePath,
  type RouteDeclaration,
  type RouteExtractor,
} from './route-declaration.js';
import { readRubyStatements, type RubyArgument, type RubyStatement } from './ruby-statements.js';
import { singularNoun } from '../routes/resource-nouns.js';

const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'live', 'forward', 'match'];
const RESOURCE_ACTIONS: [string, string, 'collection' | 'member', string][] = [
  ['index', 'GET', 'collection', ''],
  ['edit', 'GET', 'member', '/edit'],
  ['new', 'GET', 'collection', '/new'],
  ['show', 'GET', 'member', ''],
  ['create', 'POST', 'collection', ''],
  ['update', 'PATCH', 'member', ''],
  ['update', 'PUT', 'member', ''],
  ['delete', 'DELETE', 'member', ''],
];

interface PhoenixRoute {
  method: string;
  path: string;
  handler?: string;
}

const option = (found: RubyArgument[], key: string): RubyArgument | undefined =>
  found.find((argument) => argument.key === key);
const moduleOf = (argument: RubyArgument | undefined): string | undefined =>
  argument && /^[A-Z][\w.]*$/.test(argument.code) ? argument.code : undefined;

/** `UserController` → `user`, as Phoenix names a nested resource's parameter (`:user_id`). */
function resourceName(controller: string | undefined, path: string): string {
  const base = controller
    ?.split('.')
    .pop()
    ?.replace(/Controller$/, '');
  if (base) return base.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  return singularNoun(path.split('/').filter(Boolean).pop() ?? 'id');
}

function expandResources(statement: RubyStatement, base: string): { routes: PhoenixRoute[]; nested: string } {
  const [pathArgument, controllerArgument] = statement.arguments;
  const path = joinRoutePath(base, pathArgument?.strings[0]);
  const controller = moduleOf(controllerArgument);
  const singleton = option(statement.arguments, 'singleton')?.code === 'true';
  const member = singleton ? path : `${path}/:${option(statement.arguments, 'param')?.strings[0] ?? 'id'}`;
  const only = option(statement.arguments, 'only');
  const except = option(statement.arguments, 'except')?.symbols ?? [];
  const routes = RESOURCE_ACTIONS.filter(([action]) => !(singleton && action === 'index'))
    .filter(([action]) => (only ? only.symbols.includes(action) : true) && !except.includes(action))
    .map(([action, method, kind, suffix]) => ({
      method,
      path: `${kind === 'member' ? member : path}${suffix}`,
      handler: controller ? `${controller}.${action}` : undefined,
    }));
  return { routes, nested: singleton ? path : `${path}/:${resourceName(controller, path)}_id` };
}

function verbRoutes(statement: RubyStatement, base: string): PhoenixRoute[] {
  const [pathArgument, target, action] = statement.arguments;
  const path = pathArgument?.strings[0];
  if (path === undefined) return [];
  const method =
    statement.verb === 'live' ? 'GET' : statement.verb === 'forward' ? 'ANY' : statement.verb.toUpperCase();
  const plug = moduleOf(target);
  const handler = plug && action?.symbols[0] ? `${plug}.${action.symbols[0]}` : plug;
  if (statement.verb === 'match') {
    const verb = pathArgument?.symbols[0];
    const matchPath = target?.strings[0];
    return verb && matchPath !== undefined
      ? [{ method: verb === '*' ? 'ANY' : verb.toUpperCase(), path: joinRoutePath(base, matchPath) }]
      : [];
  }
  return [{ method, path: joinRoutePath(base, path), handler }];
}

function readRoutes(view: SourceView): RouteDeclaration[] {
  const routes: RouteDeclaration[] = [];
  const stack: string[] = ['/'];
  for (const statement of readRubyStatements(view)) {
    const base = stack[stack.length - 1] ?? '/';
    if (statement.closesBlock) {
      if (stack.length > 1) stack.pop();
      continue;
    }
    let found: PhoenixRoute[] = [];
    let inner = base;
    if (statement.verb === 'scope') {
      const first = statement.arguments[0];
      inner = joinRoutePath(
        base,
        first?.key === undefined ? first?.strings[0] : option(statement.arguments, 'path')?.strings[0],
      );
    } else if (statement.verb === 'resources') {
      const expanded = expandResources(statement, base);
      found = expanded.routes;
      inner = expanded.nested;
    } else if (VERBS.includes(statement.verb)) found = verbRoutes(statement, base);
    const expanded = statement.verb === 'resources';
    for (const route of found) {
      const signature = expanded ? `${route.method} ${route.path} ${route.handler ?? ''}` : undefined;
      routes.push(
        declareRoute(view, statement.start, statement.end, { ...route, framework: 'phoenix' }, signature),
      );
    }
    if (statement.opensBlock) stack.push(inner);
  }
  return routes;
}

/** Phoenix `router.ex`: verbs, `live`, `forward`, `resources` (all eight routes unless `only:`/`except:`), nesting and `scope` paths. */
export const phoenixRoutes: RouteExtractor = {
  appliesTo: (path) => /(^|\/)router\.ex$/.test(path),
  syntax: 'elixir',
  mentionsRoutes: /\S/,
  extract: (view) => readRoutes(view),
};
