import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { stringValue } from '../../../code/syntax/node-text.js';
import type { PythonClass, PythonExtraAction } from './python-facts.js';
import type { FileScopes } from './python-scopes.js';
import { argumentsOf, calleeName, keywordArgument } from './python-syntax.js';

const HTTP_METHOD_NAMES = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
/** The methods a REST framework router binds to its list and detail routes. */
const VIEWSET_ACTIONS = new Set(['list', 'create', 'retrieve', 'update', 'partial_update', 'destroy']);

/** `@action(detail=True, methods=["post"], url_path="set-password")` on a viewset method: the extra route it adds. */
function extraAction(definition: SyntaxNode, name: string): PythonExtraAction | undefined {
  for (const decorator of definition.parent?.namedChildren ?? []) {
    const call = decorator?.type === 'decorator' ? decorator.firstNamedChild : null;
    if (call?.type !== 'call' || calleeName(call) !== 'action') continue;
    const args = argumentsOf(call);
    const methodsNode = keywordArgument(args, 'methods');
    const listed = (methodsNode?.namedChildren ?? [])
      .map((child) => stringValue(child)?.toUpperCase())
      .filter((method): method is string => method !== undefined);
    return {
      name,
      detail: keywordArgument(args, 'detail')?.text === 'True',
      methods: methodsNode ? (listed.length > 0 ? listed : ['ANY']) : ['GET'],
      path: stringValue(keywordArgument(args, 'url_path')) ?? name,
    };
  }
  return undefined;
}

/** What one statement of a class body adds to the class: an HTTP or viewset method, an extra action, an attribute. */
function readMember(statement: SyntaxNode, scopes: FileScopes, found: PythonClass): void {
  const definition =
    statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
  if (definition?.type === 'function_definition') {
    const method = definition.childForFieldName('name')?.text;
    if (method === undefined) return;
    if (HTTP_METHOD_NAMES.has(method)) found.methods.push(method.toUpperCase());
    else if (VIEWSET_ACTIONS.has(method)) (found.actions ??= []).push(method);
    else if (statement.type === 'decorated_definition') {
      const extra = extraAction(definition, method);
      if (extra) (found.extraActions ??= []).push(extra);
    }
    return;
  }
  const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
  const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : undefined;
  const right = assignment?.childForFieldName('right');
  if (left?.type === 'identifier' && right) {
    const value = scopes.resolve(right);
    if (value.kind !== 'unknown') found.attributes[left.text] = value;
  }
}

/** A class's bases, the attributes its body assigns, and the HTTP methods and viewset actions it defines. */
export function readPythonClass(node: SyntaxNode, scopes: FileScopes): [string, PythonClass] | undefined {
  const name = node.childForFieldName('name')?.text;
  if (name === undefined) return undefined;
  const found: PythonClass = { bases: [], attributes: {}, methods: [] };
  for (const base of node.childForFieldName('superclasses')?.namedChildren ?? []) {
    if (base && base.type !== 'keyword_argument') found.bases.push(scopes.resolve(base));
  }
  for (const statement of node.childForFieldName('body')?.namedChildren ?? [])
    if (statement) readMember(statement, scopes, found);
  return [name, found];
}
