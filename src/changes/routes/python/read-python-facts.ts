import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { stringValue } from '../../../code/syntax/node-text.js';
import { selectNodes } from '../../../code/syntax/select-nodes.js';
import { routerCreation, routerId, type RouterCreation } from './classify-python-expression.js';
import { emptyPythonFacts, type PythonFacts, type PythonRef, type PythonRouter } from './python-facts.js';
import { importedModules } from './python-imports.js';
import { readPythonClass } from './read-python-classes.js';
import { readScopes, SCOPE_NODE_TYPES, type FileScopes } from './python-scopes.js';
import { argumentsOf, calleeName, keywordArgument, positionalArguments } from './python-syntax.js';
import { isRouteCall, readDecoratorRoute, readResourceCall, readRouteCall } from './read-python-routes.js';
import { isMountCall, readInitApp, readMountCall, readPassingCall } from './read-python-mounts.js';
import {
  isPatternCall,
  readDjangoPattern,
  readSpreadPatterns,
  readViewSetRegistration,
  urlconfParts,
  type DjangoPattern,
} from './read-django-patterns.js';

const FACT_NODE_TYPES = [
  'import_statement',
  'import_from_statement',
  'decorator',
  'call',
  'assignment',
  'augmented_assignment',
  'return_statement',
  'class_definition',
  'list_splat',
];

const FRAMEWORK_MODULES: readonly [RegExp, PythonFacts['frameworks'][number]][] = [
  [/^(fastapi|starlette)(\.|$)/, 'fastapi'],
  [/^(flask|flask_\w+|quart|apiflask)(\.|$)/, 'flask'],
  [/^(django|rest_framework)(\.|$)/, 'django'],
];

function noteImports(node: SyntaxNode, facts: PythonFacts): void {
  for (const module of importedModules(node)) {
    if (!facts.modules.includes(module)) facts.modules.push(module);
    const framework = FRAMEWORK_MODULES.find(([pattern]) => pattern.test(module))?.[1];
    if (framework && !facts.frameworks.includes(framework)) facts.frameworks.push(framework);
  }
}

/** A flask-restx `Namespace("users", path="/people")`: its path, else `/` and its name. */
function namespacePath(args: readonly SyntaxNode[], scopes: FileScopes): PythonRef | undefined {
  const path = keywordArgument(args, 'path');
  if (path) return scopes.resolve(path);
  const name = stringValue(positionalArguments(args)[0] ?? keywordArgument(args, 'name'));
  return name === undefined ? undefined : { kind: 'text', parts: [`/${name}`] };
}

/**
 * `APIRouter(prefix=…)`, `Blueprint(…, url_prefix=…)`, `DefaultRouter(trailing_slash=False)`,
 * flask-restx `Namespace(…)` and `Api(app_or_blueprint, prefix=…)` (mounted on what it is given).
 * FastAPI's `root_path` is left out: it is where a proxy serves the app, not part of its routes
 * (OpenAPI lists the paths without it).
 */
function readRouterCreation(
  call: SyntaxNode,
  creation: RouterCreation,
  scopes: FileScopes,
  facts: PythonFacts,
): void {
  const args = argumentsOf(call);
  const router: PythonRouter = {};
  if (creation.kind) router.kind = creation.kind;
  else {
    const callee = call.childForFieldName('function');
    const of = callee ? scopes.resolve(callee) : undefined;
    if (of && of.kind !== 'unknown') router.of = of;
  }
  const prefixNode = keywordArgument(args, 'prefix') ?? keywordArgument(args, 'url_prefix');
  const prefix =
    creation.restful === 'namespace'
      ? namespacePath(args, scopes)
      : prefixNode
        ? scopes.resolve(prefixNode)
        : undefined;
  if (prefix && prefix.kind !== 'unknown') router.prefix = prefix;
  if (keywordArgument(args, 'trailing_slash')?.text === 'False') router.noTrailingSlash = true;
  facts.routers[routerId(call)] = router;
  const app =
    creation.restful === 'api' ? (keywordArgument(args, 'app') ?? positionalArguments(args)[0]) : undefined;
  const parent = app ? scopes.resolve(app) : undefined;
  if (parent && parent.kind !== 'unknown')
    facts.mounts.push({ parent, child: { kind: 'router', id: routerId(call) }, via: 'include' });
}

function addPattern(pattern: DjangoPattern | undefined, facts: PythonFacts): void {
  if (pattern?.route) facts.routes.push(pattern.route);
  const mount = pattern?.mount;
  if (!mount) return;
  facts.mounts.push(mount);
  if (mount.child.kind === 'module' && !facts.modules.includes(mount.child.module))
    facts.modules.push(mount.child.module);
}

/** One call, dispatched on the name it calls: most calls of a file are none of these and cost one lookup. */
function readCall(call: SyntaxNode, scopes: FileScopes, facts: PythonFacts): void {
  const name = calleeName(call);
  if (name === undefined) return;
  const callee = call.childForFieldName('function');
  const creation = routerCreation(name, () => (callee ? scopes.resolve(callee) : { kind: 'unknown' }));
  if (creation) return readRouterCreation(call, creation, scopes, facts);
  if (isRouteCall(name)) {
    const route = readRouteCall(call, name, scopes);
    if (route) facts.routes.push(route);
  } else if (name === 'register') {
    const route = readViewSetRegistration(call, scopes);
    if (route) facts.routes.push(route);
    else facts.mounts.push(...readPassingCall(call, scopes));
  } else if (name === 'add_resource') facts.routes.push(...readResourceCall(call, scopes));
  else if (name === 'init_app') {
    const mount = readInitApp(call, scopes);
    if (mount) facts.mounts.push(mount);
  } else if (isMountCall(name)) {
    const mount = readMountCall(call, name, scopes);
    if (mount) facts.mounts.push(mount);
  } else if (isPatternCall(name)) addPattern(readDjangoPattern(call, name, scopes), facts);
  else facts.mounts.push(...readPassingCall(call, scopes));
}

// Only these can give back a router or a pattern list.
const RETURNED_TYPES = new Set(['identifier', 'call', 'attribute', 'list']);

/** A call whose result can be a router: a router class, or a function (`return create_router()`), not a method's result (`service.list(…)`). */
function mayReturnRouter(call: SyntaxNode, scopes: FileScopes): boolean {
  const callee = call.childForFieldName('function');
  const name = calleeName(call);
  if (name === undefined || !callee) return false;
  return callee.type === 'identifier' || routerCreation(name, () => scopes.resolve(callee)) !== undefined;
}

function readReturn(node: SyntaxNode, scopes: FileScopes, facts: PythonFacts): void {
  const value = node.firstNamedChild;
  if (!value || !RETURNED_TYPES.has(value.type)) return;
  if (value.type === 'call' && !mayReturnRouter(value, scopes)) return;
  const scope = scopes.scopeAt(node);
  if (scope.kind !== 'function') return;
  const ref = scopes.resolve(value);
  if (ref.kind !== 'unknown') facts.returns[scope.id] ??= ref;
}

function readNode(node: SyntaxNode, scopes: FileScopes, facts: PythonFacts): void {
  switch (node.type) {
    case 'import_statement':
    case 'import_from_statement':
      noteImports(node, facts);
      break;
    case 'decorator': {
      const route = readDecoratorRoute(node, scopes);
      if (route) facts.routes.push(route);
      break;
    }
    case 'call':
      readCall(node, scopes, facts);
      break;
    case 'assignment':
    case 'augmented_assignment':
      facts.urlconf.push(...urlconfParts(node, scopes));
      break;
    case 'return_statement':
      readReturn(node, scopes, facts);
      break;
    case 'list_splat': {
      const mount = readSpreadPatterns(node, scopes);
      if (mount) facts.mounts.push(mount);
      break;
    }
    case 'class_definition': {
      const read = readPythonClass(node, scopes);
      if (read) facts.classes[read[0]] = read[1];
      break;
    }
  }
}

/** The nodes a file's facts are read from (a constant: its tree query is found by identity). */
const NODE_GROUPS = { scope: SCOPE_NODE_TYPES, fact: FACT_NODE_TYPES };

/** Everything one Python file says about routing, from its syntax tree. */
export function readPythonFacts(root: SyntaxNode): PythonFacts {
  const facts = emptyPythonFacts();
  const nodes = selectNodes('python', root, NODE_GROUPS);
  const scopes = readScopes(nodes.scope, root.endIndex);
  for (const node of nodes.fact) readNode(node, scopes, facts);
  facts.bindings = scopes.moduleBindings();
  // `register` is a common method name: a registration counts on a REST framework router, or where one is imported.
  const restFramework = facts.modules.some((module) => module.startsWith('rest_framework'));
  facts.routes = facts.routes.filter(({ viewSet, holder }) => {
    if (!viewSet) return true;
    if (holder.kind === 'router') {
      const kind = facts.routers[holder.id]?.kind;
      return kind === undefined || kind === 'rest-framework';
    }
    return restFramework || holder.kind !== 'unknown';
  });
  return facts;
}
