import type { SourceView } from '../source/source-view.js';
import {
  declareRoute,
  joinRoutePath,
  type RouteDeclaration,
  type RouteExtractor,
} from './route-declaration.js';
import { readRubyStatements, type RubyArgument, type RubyStatement } from './ruby-statements.js';
import { singularNoun } from './singular-noun.js';

/** Where routes inside a block go: nested routes, `member` routes and `collection` routes of the enclosing resource. */
interface RailsScope {
  nested: string;
  member: string;
  collection: string;
  controller?: string;
}

const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'options', 'head'];
// API-only Rails apps (the usual backend) draw no `new`/`edit` form routes; list them in `only:` to get them.
const DEFAULT_ACTIONS = ['index', 'create', 'show', 'update', 'destroy'];

const option = (found: RubyArgument[], key: string): RubyArgument | undefined =>
  found.find((argument) => argument.key === key);
const firstValue = (argument: RubyArgument | undefined): string | undefined =>
  argument?.strings[0] ?? argument?.symbols[0];

function resourceActions(found: RubyArgument[], singular: boolean): string[] {
  const only = option(found, 'only');
  const except = option(found, 'except');
  const defaults = singular ? DEFAULT_ACTIONS.filter((action) => action !== 'index') : DEFAULT_ACTIONS;
  const chosen = only ? only.symbols.concat(only.strings) : defaults;
  const excluded = except ? except.symbols.concat(except.strings) : [];
  return chosen.filter((action) => !excluded.includes(action));
}

interface ResourceRoute {
  method: string;
  path: string;
  action: string;
}

function expandResource(collection: string, member: string, actions: string[]): ResourceRoute[] {
  const table: [string, string, string][] = [
    ['index', 'GET', collection],
    ['new', 'GET', `${collection}/new`],
    ['create', 'POST', collection],
    ['show', 'GET', member],
    ['edit', 'GET', `${member}/edit`],
    ['update', 'PATCH', member],
    ['update', 'PUT', member],
    ['destroy', 'DELETE', member],
  ];
  return table
    .filter(([action]) => actions.includes(action))
    .map(([action, method, path]) => ({ method, path, action }));
}

function resourceScope(
  scope: RailsScope,
  statement: RubyStatement,
  name: string,
): RailsScope & { routes: ResourceRoute[] } {
  const singular = statement.verb === 'resource';
  const segment = firstValue(option(statement.arguments, 'path')) ?? name;
  const parameter = firstValue(option(statement.arguments, 'param')) ?? 'id';
  const collection = joinRoutePath(scope.nested, segment);
  const member = singular ? collection : joinRoutePath(collection, `:${parameter}`);
  const nested = singular ? collection : joinRoutePath(collection, `:${singularNoun(name)}_${parameter}`);
  const controller = firstValue(option(statement.arguments, 'controller')) ?? name;
  const routes = expandResource(collection, member, resourceActions(statement.arguments, singular)).map(
    (route) => ({
      ...route,
      action: `${controller}#${route.action}`,
    }),
  );
  return { nested, member, collection, controller, routes };
}

function verbRoutes(scope: RailsScope, statement: RubyStatement): ResourceRoute[] {
  const [first] = statement.arguments;
  const on = firstValue(option(statement.arguments, 'on'));
  const base = on === 'member' ? scope.member : on === 'collection' ? scope.collection : scope.nested;
  // `get 'path' => 'c#a'` keeps the path as the hash key; `get :preview` inside a resource names the action.
  const path = first?.key === undefined ? (first?.strings[0] ?? first?.symbols[0]) : first.key;
  if (path === undefined || path === 'to') return [];
  const target =
    option(statement.arguments, 'to')?.strings[0] ??
    (first?.key !== undefined ? first.strings[0] : undefined);
  const action =
    target ?? (scope.controller && first?.symbols[0] ? `${scope.controller}#${first.symbols[0]}` : undefined);
  const via = option(statement.arguments, 'via');
  const methods =
    statement.verb === 'match' ? (via ? via.symbols.concat(via.strings) : ['all']) : [statement.verb];
  return methods.map((method) => ({
    method: method === 'all' || method === 'any' ? 'ANY' : method.toUpperCase(),
    path: joinRoutePath(base, path),
    action: action ?? '',
  }));
}

function childScope(scope: RailsScope, statement: RubyStatement): RailsScope {
  const [first] = statement.arguments;
  switch (statement.verb) {
    case 'namespace': {
      const path = firstValue(option(statement.arguments, 'path')) ?? first?.symbols[0] ?? first?.strings[0];
      const nested = joinRoutePath(scope.nested, path);
      return { nested, member: nested, collection: nested };
    }
    case 'scope': {
      const path =
        first?.key === undefined ? first?.strings[0] : firstValue(option(statement.arguments, 'path'));
      const nested = joinRoutePath(scope.nested, path);
      return { ...scope, nested, member: nested, collection: nested };
    }
    case 'member':
      return { ...scope, nested: scope.member };
    case 'collection':
      return { ...scope, nested: scope.collection };
    default:
      return scope;
  }
}

function readRoutes(view: SourceView): RouteDeclaration[] {
  const routes: RouteDeclaration[] = [];
  const root: RailsScope = { nested: '/', member: '/', collection: '/' };
  const stack: RailsScope[] = [root];
  for (const statement of readRubyStatements(view)) {
    const scope = stack[stack.length - 1] ?? root;
    if (statement.closesBlock) {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const { found, inner } = readStatement(scope, statement);
    routes.push(...declareStatementRoutes(view, statement, found));
    if (statement.opensBlock) stack.push(inner);
  }
  return routes;
}

/** The routes one statement draws, and the scope its block (if any) opens. */
function readStatement(
  scope: RailsScope,
  statement: RubyStatement,
): { found: ResourceRoute[]; inner: RailsScope } {
  if (statement.verb === 'resources' || statement.verb === 'resource') {
    const found: ResourceRoute[] = [];
    let inner = childScope(scope, statement);
    const names = statement.arguments
      .filter((argument) => argument.key === undefined)
      .flatMap((argument) => argument.symbols.concat(argument.strings));
    for (const name of names) {
      const expanded = resourceScope(scope, statement, name);
      found.push(...expanded.routes);
      inner = expanded;
    }
    return { found, inner };
  }
  const inner = childScope(scope, statement);
  if (VERBS.includes(statement.verb) || statement.verb === 'match')
    return { found: verbRoutes(scope, statement), inner };
  if (statement.verb === 'root') {
    const target = option(statement.arguments, 'to')?.strings[0] ?? statement.arguments[0]?.strings[0] ?? '';
    return { found: [{ method: 'GET', path: scope.nested, action: target }], inner };
  }
  return { found: [], inner };
}

/** Routes expanded from one `resources` line all share its text, so each gets a signature of its own. */
function declareStatementRoutes(
  view: SourceView,
  statement: RubyStatement,
  found: readonly ResourceRoute[],
): RouteDeclaration[] {
  const expanded = statement.verb.startsWith('resource');
  return found.map((route) => {
    const signature = expanded ? `${route.method} ${route.path} ${route.action}` : undefined;
    const declared = {
      method: route.method,
      path: route.path,
      framework: 'rails' as const,
      handler: route.action || undefined,
    };
    return declareRoute(view, statement.start, statement.end, declared, signature);
  });
}

/** Rails `config/routes.rb` (and `config/routes/*.rb`): verbs, `match … via:`, `root`, `resources`/`resource` with `only:`/`except:`, nesting, `member`/`collection`, `namespace` and `scope`. */
export const railsRoutes: RouteExtractor = {
  appliesTo: (path) => /(^|\/)config\/routes(\.rb|\/[^/]+\.rb)$/.test(path),
  syntax: 'ruby',
  mentionsRoutes: /\S/,
  extract: (view) => readRoutes(view),
};
