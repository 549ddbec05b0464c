import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { lineOf, stringValue } from '../../../code/syntax/node-text.js';
import { selectNodes } from '../../../code/syntax/select-nodes.js';
import type { RouteFramework } from '../../change-analysis.js';
import type { GoFacts, GoRef } from './go-facts.js';
import { functionId, GO_SCOPE_NODE_TYPES, readGoScopes, type GoScopes } from './go-scopes.js';
import { argumentsOf, selectorOf, unwrap } from './go-syntax.js';
import { readGoMounts } from './read-go-mounts.js';
import { isRouteMethod, readGoRoute, ROUTER_TYPE, type GoCall } from './read-go-routes.js';

/** Web frameworks by import path. */
export const GO_FRAMEWORK_IMPORTS: readonly [RegExp, RouteFramework][] = [
  [/^github\.com\/gin-gonic\/gin$/, 'gin'],
  [/^github\.com\/labstack\/echo(\/v\d+)?$/, 'echo'],
  [/^github\.com\/go-chi\/chi(\/v\d+)?$/, 'chi'],
  [/^github\.com\/gofiber\/fiber(\/v\d+)?$/, 'fiber'],
  [/^github\.com\/gorilla\/mux$/, 'gorilla-mux'],
  [/^net\/http$/, 'net-http'],
];

const FACT_NODE_TYPES = [
  'package_clause',
  'function_declaration',
  'method_declaration',
  'var_spec',
  'assignment_statement',
  'keyed_element',
  'return_statement',
  'call_expression',
];

function emptyFacts(): GoFacts {
  return {
    package: '',
    frameworks: [],
    functions: [],
    globals: {},
    fields: {},
    returns: {},
    routes: [],
    mounts: [],
  };
}

/** Only what can hold a router is worth remembering in a variable or a field. */
function holdsRouter(ref: GoRef): boolean {
  return ref.kind !== 'unknown' && ref.kind !== 'literal';
}

/** A router kept in a struct field (`s.router = gin.New()`, `&Server{router: r}`): made here, made by a call, or a router parameter. */
function addField(facts: GoFacts, scopes: GoScopes, name: string, ref: GoRef): void {
  const routerParam = ref.kind === 'param' && ROUTER_TYPE.test(scopes.paramType(ref) ?? '');
  if (ref.kind !== 'router' && ref.kind !== 'call' && !routerParam) return;
  (facts.fields[name] ??= []).push(ref);
}

function readFunction(node: SyntaxNode, facts: GoFacts): void {
  const name = node.childForFieldName('name')?.text;
  if (!name) return;
  const receiverType = node.childForFieldName('receiver')?.namedChildren[0]?.childForFieldName('type');
  const receiver = receiverType?.text.replace(/^\*/, '').replace(/\[.*$/, '');
  facts.functions.push({ id: functionId(node), name, ...(receiver ? { receiver } : {}) });
}

function readCall(node: SyntaxNode, scopes: GoScopes, facts: GoFacts): void {
  const callee = node.childForFieldName('function');
  if (!callee) return;
  const fieldNode = callee.type === 'selector_expression' ? callee.childForFieldName('field') : null;
  const operand = fieldNode ? callee.childForFieldName('operand') : null;
  const site: GoCall | undefined =
    fieldNode && operand
      ? {
          node,
          selector: { operand: unwrap(operand), field: fieldNode.text },
          args: argumentsOf(node),
          line: lineOf(fieldNode),
        }
      : undefined;
  if (site && isRouteMethod(site.selector.field)) facts.routes.push(...readGoRoute(site, scopes));
  facts.mounts.push(...readGoMounts(node, site, scopes));
}

function readNode(node: SyntaxNode, scopes: GoScopes, facts: GoFacts): void {
  switch (node.type) {
    case 'package_clause':
      facts.package = node.namedChildren[0]?.text ?? '';
      break;
    case 'function_declaration':
    case 'method_declaration':
      readFunction(node, facts);
      break;
    case 'var_spec': {
      if (scopes.scopeOf(node) !== '') break;
      const values = node.childForFieldName('value')?.namedChildren ?? [];
      node.childrenForFieldName('name').forEach((name, index) => {
        const value = values[index];
        const ref = value ? scopes.resolve(value) : undefined;
        if (name && ref && holdsRouter(ref)) facts.globals[name.text] = ref;
      });
      break;
    }
    case 'assignment_statement': {
      const values = node.childForFieldName('right')?.namedChildren ?? [];
      (node.childForFieldName('left')?.namedChildren ?? []).forEach((target, index) => {
        const field = selectorOf(target)?.field;
        const value = values[index];
        if (field && value) addField(facts, scopes, field, scopes.resolve(value));
      });
      break;
    }
    case 'keyed_element': {
      const key = node.childForFieldName('key')?.namedChildren[0] ?? node.namedChildren[0]?.namedChildren[0];
      const value =
        node.childForFieldName('value')?.namedChildren[0] ?? node.namedChildren[1]?.namedChildren[0];
      if (key?.type === 'identifier' && value) addField(facts, scopes, key.text, scopes.resolve(value));
      break;
    }
    case 'return_statement': {
      const value = node.namedChildren[0]?.namedChildren[0];
      const scope = scopes.scopeOf(node);
      if (!value || scope === '') break;
      const ref = scopes.resolve(unwrap(value));
      if (holdsRouter(ref)) facts.returns[scope] ??= ref;
      break;
    }
    case 'call_expression':
      readCall(node, scopes, facts);
      break;
  }
}

/** The nodes a file's facts are read from (a constant: its tree query is found by identity). */
const NODE_GROUPS = { scope: GO_SCOPE_NODE_TYPES, fact: FACT_NODE_TYPES };

/** Everything one Go file says about routing, from its syntax tree (one query, no walk). */
export function readGoFacts(root: SyntaxNode): GoFacts {
  const facts = emptyFacts();
  const nodes = selectNodes('go', root, NODE_GROUPS);
  const scopes = readGoScopes(nodes.scope, root.endIndex);
  for (const node of nodes.scope) {
    if (node.type !== 'import_spec') continue;
    const path = stringValue(node.childForFieldName('path'));
    if (path === undefined) continue;
    const framework = GO_FRAMEWORK_IMPORTS.find(([pattern]) => pattern.test(path))?.[1];
    if (framework && !facts.frameworks.includes(framework)) facts.frameworks.push(framework);
  }
  for (const node of nodes.fact) readNode(node, scopes, facts);
  return facts;
}
