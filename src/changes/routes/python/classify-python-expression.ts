import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { stringValue } from '../../../code/syntax/node-text.js';
import type { PythonRef, PythonRouterKind } from './python-facts.js';
import { argumentsOf, calleeName, positionalArguments, unwrap } from './python-syntax.js';

/** Classes whose instances serve routes, by the framework they belong to. */
export const ROUTER_CLASSES: Readonly<Record<string, PythonRouterKind>> = {
  FastAPI: 'fastapi',
  APIRouter: 'fastapi',
  Flask: 'flask',
  Blueprint: 'flask',
  APIFlask: 'flask',
  APIBlueprint: 'flask',
  Quart: 'flask',
  DefaultRouter: 'rest-framework',
  SimpleRouter: 'rest-framework',
};

const RESTFUL_MODULE = /^flask_rest(?:x|ful|plus)(?:\.|$)/;
/** flask-restx's and flask-restful's `Api`, flask-restx's `Namespace`: routers when imported from those packages. */
const RESTFUL_CLASSES: Readonly<Record<string, 'api' | 'namespace'>> = { Api: 'api', Namespace: 'namespace' };

function fromRestfulPackage(ref: PythonRef): boolean {
  if (ref.kind === 'import' || ref.kind === 'module') return RESTFUL_MODULE.test(ref.module);
  return ref.kind === 'attribute' && fromRestfulPackage(ref.of);
}

/** The name a call calls, when it may create a router: what the linker needs to know about its class. */
export interface RouterCreation {
  /** Absent for a class named like a router (`NetBoxRouter`): the linker tells its framework from its bases. */
  kind?: PythonRouterKind;
  /** flask-restx/flask-restful: an `Api` (mounted on the app or blueprint it is given) or a `Namespace`. */
  restful?: 'api' | 'namespace';
}

/**
 * What calling the class `name` creates: a router of a known framework class, a router whose
 * framework the linker tells from its class (`NetBoxRouter`, a project's `DefaultRouter`
 * subclass; `ApiBlueprint`), or nothing a route can hang on. `callee` (what the call calls)
 * is asked for only for names that need it.
 */
export function routerCreation(name: string, callee: () => PythonRef): RouterCreation | undefined {
  if (Object.hasOwn(ROUTER_CLASSES, name)) return { kind: ROUTER_CLASSES[name] };
  if (Object.hasOwn(RESTFUL_CLASSES, name))
    return fromRestfulPackage(callee()) ? { kind: 'flask', restful: RESTFUL_CLASSES[name] } : undefined;
  return /^[A-Z]\w*(?:Router|Blueprint)$/.test(name) ? {} : undefined;
}

/** Calls that wrap a list of Django patterns: their arguments are the list. */
const PATTERN_LIST_CALLS = new Set(['i18n_patterns', 'patterns']);

/** The id of a router created by `call`. */
export function routerId(call: SyntaxNode): string {
  return `r${call.startIndex}`;
}

/** The id of the pattern list `node` writes (a list or tuple, or the arguments of `i18n_patterns(…)`). */
export function listId(node: SyntaxNode): string {
  return `l${node.startIndex}`;
}

type NameResolver = (name: string, position: number) => PythonRef;

/** A string literal, or an f-string or `+` whose parts come from names: its parts. */
function textOf(node: SyntaxNode, resolveName: NameResolver): PythonRef {
  const literal = stringValue(node);
  if (literal !== undefined) return { kind: 'text', parts: [literal] };
  if (node.type !== 'string') return { kind: 'unknown' };
  const parts: (string | PythonRef)[] = [];
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'string_content' || child.type === 'escape_sequence') parts.push(child.text);
    else if (child.type === 'interpolation') {
      const expression = child.childForFieldName('expression');
      parts.push(expression ? classifyExpression(expression, resolveName) : { kind: 'unknown' });
    }
  }
  return { kind: 'text', parts };
}

function concatenation(node: SyntaxNode, resolveName: NameResolver): PythonRef {
  if (node.childForFieldName('operator')?.text !== '+') return { kind: 'unknown' };
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (!left || !right) return { kind: 'unknown' };
  const parts = [left, right].map((side) => classifyExpression(side, resolveName));
  // Only strings are joined here; lists of patterns added together are read where they are assigned.
  if (parts.some((part) => part.kind === 'list' || part.kind === 'unknown')) return { kind: 'unknown' };
  return { kind: 'text', parts };
}

function classifyCall(call: SyntaxNode, resolveName: NameResolver): PythonRef {
  const name = calleeName(call);
  const callee = call.childForFieldName('function');
  const target = (): PythonRef => (callee ? classifyExpression(callee, resolveName) : { kind: 'unknown' });
  if (name !== undefined && routerCreation(name, target)) return { kind: 'router', id: routerId(call) };
  const args = call.childForFieldName('arguments');
  if (name !== undefined && PATTERN_LIST_CALLS.has(name) && args) return { kind: 'list', id: listId(args) };
  const first = positionalArguments(argumentsOf(call))[0];
  // REST framework's `format_suffix_patterns(urlpatterns)` stands for the patterns it is given.
  if (name === 'format_suffix_patterns' && first) return classifyExpression(first, resolveName);
  const called = target();
  return called.kind === 'unknown' ? called : { kind: 'call', callee: called };
}

/** What an expression refers to, its names read through `resolveName`. */
export function classifyExpression(value: SyntaxNode, resolveName: NameResolver): PythonRef {
  const node = unwrap(value);
  switch (node.type) {
    case 'identifier':
      return resolveName(node.text, node.startIndex);
    case 'attribute': {
      const object = node.childForFieldName('object');
      const name = node.childForFieldName('attribute')?.text;
      const of = object ? classifyExpression(object, resolveName) : undefined;
      if (!of || name === undefined || of.kind === 'unknown') return { kind: 'unknown' };
      // A REST framework router's `urls` are its routes.
      if (of.kind === 'router' && name === 'urls') return of;
      return { kind: 'attribute', of, name };
    }
    case 'call':
      return classifyCall(node, resolveName);
    case 'string':
    case 'concatenated_string':
      return textOf(node, resolveName);
    case 'binary_operator':
      return concatenation(node, resolveName);
    case 'list':
    case 'tuple':
      return { kind: 'list', id: listId(node) };
    default:
      return { kind: 'unknown' };
  }
}
