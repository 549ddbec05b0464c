import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { stringValue } from '../../../code/syntax/node-text.js';
import type { RouteFramework } from '../../change-analysis.js';
import { routerKey, type JavascriptFacts, type ValueRef } from './javascript-facts.js';
import { functionId, readScopes, SCOPE_NODE_TYPES, type FileScopes } from './javascript-scopes.js';
import { grammarOfPath } from '../../../code/syntax/grammar.js';
import { selectNodes } from '../../../code/syntax/select-nodes.js';
import { isFunctionNode, memberPath, propertyValue } from './javascript-syntax.js';
import { readMountCall } from './read-javascript-mounts.js';
import { readMethodRoute, readRegisteredRoute, readRouteChain } from './read-javascript-routes.js';
import {
  literalDefault,
  readGlobalPrefix,
  readNestController,
  readOrphanRoutes,
  readUriVersioning,
} from './read-nest-controllers.js';

const FRAMEWORK_PACKAGES: readonly [RegExp, RouteFramework][] = [
  [/^(@koa\/router|koa-router|koa)$/, 'koa'],
  [/^(@hapi\/hapi|hapi)$/, 'hapi'],
  [/^fastify$/, 'fastify'],
  [/^express$/, 'express'],
  [/^@nestjs\//, 'nestjs'],
];

function emptyFacts(): JavascriptFacts {
  return {
    frameworks: [],
    imports: [],
    configurationDefaults: {},
    exports: {},
    returns: {},
    ownPrefixes: {},
    routes: [],
    mounts: [],
    autoloads: [],
    controllers: [],
  };
}

function noteFramework(facts: JavascriptFacts, module: string | undefined): void {
  if (module === undefined) return;
  if (!facts.imports.includes(module)) facts.imports.push(module);
  const found = FRAMEWORK_PACKAGES.find(([pattern]) => pattern.test(module))?.[1];
  if (found && !facts.frameworks.includes(found)) facts.frameworks.push(found);
}

/** `export …` forms: default values, declarations, lists and re-exports. */
function readExport(node: SyntaxNode, scopes: FileScopes, facts: JavascriptFacts): void {
  const source = stringValue(node.childForFieldName('source'));
  noteFramework(facts, source);
  const value = node.childForFieldName('value');
  if (value) facts.exports.default = scopes.resolve(value);
  const declaration = node.childForFieldName('declaration');
  if (declaration) readExportedDeclaration(node, declaration, scopes, facts);
  for (const child of node.namedChildren) {
    if (child?.type === 'export_clause') {
      for (const specifier of child.namedChildren) {
        if (specifier?.type !== 'export_specifier') continue;
        const name = specifier.childForFieldName('name');
        const alias = specifier.childForFieldName('alias')?.text ?? name?.text;
        if (!name || !alias) continue;
        facts.exports[alias] =
          source !== undefined ? { kind: 'import', module: source, name: name.text } : scopes.resolve(name);
      }
    }
  }
  if (
    source !== undefined &&
    !node.namedChildren.some((child) => child?.type === 'export_clause') &&
    !declaration
  )
    facts.exports[`*${source}`] = { kind: 'import', module: source, name: '*' };
}

function readExportedDeclaration(
  statement: SyntaxNode,
  declaration: SyntaxNode,
  scopes: FileScopes,
  facts: JavascriptFacts,
): void {
  const isDefault = statement.children.some((child) => child?.type === 'default');
  if (isFunctionNode(declaration)) {
    const name = declaration.childForFieldName('name')?.text;
    const ref: ValueRef = { kind: 'function', fn: functionId(declaration) };
    if (isDefault) facts.exports.default = ref;
    if (name) facts.exports[name] = ref;
    return;
  }
  for (const declarator of declaration.namedChildren) {
    if (declarator?.type !== 'variable_declarator') continue;
    const name = declarator.childForFieldName('name');
    const value = declarator.childForFieldName('value');
    if (name?.type !== 'identifier' || !value) continue;
    if (name.text === 'autoPrefix') {
      const prefix = stringValue(value);
      if (prefix !== undefined) facts.autoPrefix = prefix;
    }
    const ref = scopes.resolve(name);
    // Only what can be mounted, passed a router or imported further is worth remembering.
    if (ref.kind !== 'unknown' && !(ref.kind === 'call' && ref.callee.kind === 'unknown'))
      facts.exports[name.text] = ref;
  }
}

/** `module.exports = x`, `module.exports.y = x`, `exports.y = x`. */
function readCommonJsExport(node: SyntaxNode, scopes: FileScopes, facts: JavascriptFacts): void {
  const left = memberPath(node.childForFieldName('left'));
  const right = node.childForFieldName('right');
  if (left === undefined || !right) return;
  const name = left === 'module.exports' ? 'default' : /^(?:module\.)?exports\.(\w+)$/.exec(left)?.[1];
  if (name === undefined) return;
  if (name === 'autoPrefix') {
    const prefix = stringValue(right);
    if (prefix !== undefined) facts.autoPrefix = prefix;
  }
  facts.exports[name] = scopes.resolve(right);
  // `module.exports = { invoices, reports: reportsRouter }`: each property is a named export too.
  if (name === 'default' && right.type === 'object') {
    for (const property of right.namedChildren) {
      if (property?.type === 'shorthand_property_identifier')
        facts.exports[property.text] ??= scopes.resolve(property);
      else if (property?.type === 'pair') {
        const key = property.childForFieldName('key')?.text;
        const value = property.childForFieldName('value');
        if (key && value) facts.exports[key] ??= scopes.resolve(value);
      }
    }
  }
}

function readReturn(node: SyntaxNode, scopes: FileScopes, facts: JavascriptFacts): void {
  const value = node.namedChildren[0];
  const scope = scopes.scopeOf(node);
  if (!value || scope === '') return;
  const ref = scopes.resolve(value);
  if (ref.kind !== 'unknown') facts.returns[scope] ??= ref;
}

function readCall(node: SyntaxNode, scopes: FileScopes, facts: JavascriptFacts, file: string): void {
  const callee = node.childForFieldName('function');
  if (memberPath(callee) === 'require' || callee?.type === 'import')
    noteFramework(facts, stringValue(node.childForFieldName('arguments')?.namedChildren[0]));
  facts.routes.push(
    ...readMethodRoute(node, scopes),
    ...readRouteChain(node, scopes),
    ...readRegisteredRoute(node, scopes),
  );
  const mount = readMountCall(node, scopes, file);
  facts.mounts.push(...mount.mounts);
  if (mount.autoload) facts.autoloads.push(mount.autoload);
  if (mount.ownPrefix?.holder.kind === 'router')
    facts.ownPrefixes[routerKey(mount.ownPrefix.holder.scope, mount.ownPrefix.holder.name)] =
      mount.ownPrefix.prefix;
  const globalPrefix = readGlobalPrefix(node);
  if (globalPrefix) facts.globalPrefix = globalPrefix;
  const versioning = readUriVersioning(node);
  if (versioning) facts.uriVersioning = versioning;
}

/** koa-router's `new Router({ prefix: '/api' })`: a router's own prefix, set where it is created. */
function readCreationPrefix(node: SyntaxNode, scopes: FileScopes, facts: JavascriptFacts): void {
  const value = node.childForFieldName('value');
  // Only `new Router({ … })` and `Router({ … })` can carry a prefix: look no further at anything else.
  if (!value || (value.type !== 'new_expression' && value.type !== 'call_expression')) return;
  const options = value.childForFieldName('arguments')?.namedChildren[0];
  if (options?.type !== 'object') return;
  const prefix = stringValue(propertyValue(options, 'prefix'));
  const name = node.childForFieldName('name');
  if (prefix === undefined || name?.type !== 'identifier') return;
  const ref = scopes.resolve(name);
  if (ref.kind === 'router') facts.ownPrefixes[routerKey(ref.scope, ref.name)] = prefix;
}

/** `apiPrefix: process.env.API_PREFIX || 'api'` (a property or a variable): a setting and its default. */
function readConfigurationDefault(node: SyntaxNode, facts: JavascriptFacts): void {
  const value = node.childForFieldName('value');
  if (value?.type !== 'binary_expression' || !value.text.includes('env')) return;
  const fallback = literalDefault(value);
  const key = node.childForFieldName(node.type === 'pair' ? 'key' : 'name')?.text.replace(/^['"]|['"]$/g, '');
  if (fallback !== undefined && key) facts.configurationDefaults[key] = fallback;
}

const FACT_NODE_TYPES = [
  'pair',
  'import_statement',
  'export_statement',
  'assignment_expression',
  'return_statement',
  'variable_declarator',
  'call_expression',
  'class_declaration',
  'class',
  'arrow_function',
];

function readNode(node: SyntaxNode, scopes: FileScopes, facts: JavascriptFacts, file: string): void {
  switch (node.type) {
    case 'import_statement':
      noteFramework(facts, stringValue(node.childForFieldName('source')));
      break;
    case 'export_statement':
      readExport(node, scopes, facts);
      break;
    case 'assignment_expression':
      readCommonJsExport(node, scopes, facts);
      break;
    case 'return_statement':
      readReturn(node, scopes, facts);
      break;
    case 'variable_declarator':
      readCreationPrefix(node, scopes, facts);
      readConfigurationDefault(node, facts);
      break;
    case 'pair':
      readConfigurationDefault(node, facts);
      break;
    case 'call_expression':
      readCall(node, scopes, facts, file);
      break;
    case 'arrow_function': {
      // An arrow function's expression body is what it returns.
      const body = node.childForFieldName('body');
      if (body && body.type !== 'statement_block') {
        const ref = scopes.resolve(body);
        if (ref.kind !== 'unknown') facts.returns[functionId(node)] ??= ref;
      }
      break;
    }
    default: {
      const controller = readNestController(node);
      if (controller) facts.controllers.push(controller);
    }
  }
}

const JAVASCRIPT_NODES = { scope: SCOPE_NODE_TYPES, fact: FACT_NODE_TYPES };

/** Everything one JavaScript or TypeScript file says about routing, from its syntax tree. */
export function readJavascriptFacts(root: SyntaxNode, file: string): JavascriptFacts {
  const facts = emptyFacts();
  const grammar = grammarOfPath(file) ?? 'typescript';
  const nodes = selectNodes(grammar, root, JAVASCRIPT_NODES);
  const scopes = readScopes(nodes.scope, root.endIndex);
  for (const node of nodes.fact) readNode(node, scopes, facts, file);
  if (root.hasError) attachOrphanRoutes(root, facts);
  return facts;
}

/** A fragment's route decorators go to the controller above them (see `readOrphanRoutes`). */
function attachOrphanRoutes(root: SyntaxNode, facts: JavascriptFacts): void {
  const controllers = facts.controllers;
  if (controllers.length === 0) return;
  for (const orphan of readOrphanRoutes(root)) {
    const owner =
      [...controllers].reverse().find((controller) => (controller.line ?? 0) <= orphan.line) ??
      controllers[0];
    if (!owner) continue;
    owner.routes.push({ ...orphan.route, handler: `${owner.name}.${orphan.route.handler}` });
  }
}
