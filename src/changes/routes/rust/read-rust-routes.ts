import { lineOf } from '../../../code/syntax/node-text.js';
import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { HTTP_METHODS } from '../route-entry.js';
import type { RustAttributeRoute, RustRef, RustRoute } from './rust-facts.js';
import { argumentsOf, declarationText, named, pathOf, stringOf } from './rust-syntax.js';

const VERBS = new Set(['get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'trace', 'connect']);
const MAX_CHAIN = 16;

interface Served {
  method: string;
  handler?: string;
  /** What else the method router says (`.layer(auth)`), for the route's signature. */
  extras?: string;
}

/** A handler written as a name (`list_users`, `handlers::show`, `Self::create`). */
function handlerName(node: SyntaxNode | undefined): string | undefined {
  if (!node) return undefined;
  const path = pathOf(node);
  return path ? path.join('::') : undefined;
}

/** The calls of a chain, innermost first: `web::get().guard(g).to(h)` → `get`, `guard`, `to`. */
function chainOf(node: SyntaxNode): { name: string; args: SyntaxNode[] }[] {
  const chain: { name: string; args: SyntaxNode[] }[] = [];
  let current: SyntaxNode | null = node;
  for (let depth = 0; current?.type === 'call_expression' && depth < MAX_CHAIN; depth++) {
    const callee: SyntaxNode | null = current.childForFieldName('function');
    const args = argumentsOf(current);
    if (callee?.type === 'field_expression') {
      chain.unshift({ name: callee.childForFieldName('field')?.text ?? '', args });
      current = callee.childForFieldName('value');
    } else {
      const path = pathOf(callee);
      chain.unshift({ name: path?.[path.length - 1] ?? '', args });
      break;
    }
  }
  return chain;
}

/** Methods named in a guard or filter: `Method::POST`, `MethodFilter::GET | MethodFilter::HEAD`, `guard::Put()`. */
function methodsIn(text: string): string[] {
  const found = [...text.matchAll(/(?:Method(?:Filter)?::|guard::)([A-Za-z]+)/g)].map((match) =>
    (match[1] ?? '').toUpperCase(),
  );
  return found.filter((method) => HTTP_METHODS.includes(method));
}

/**
 * The methods and handlers a method router serves: Axum `get(list).post(create)`,
 * `on(MethodFilter::PUT, h)`, `any(h)`; Actix `web::get().to(show)`, `web::route().method(Method::POST).to(h)`.
 */
export function methodRouter(node: SyntaxNode): Served[] {
  const served: Served[] = [];
  let pending: Served[] = [];
  const extras: string[] = [];
  for (const { name, args } of chainOf(node)) {
    const verb = name.replace(/_service$/, '');
    if (VERBS.has(verb) || verb === 'any') {
      const handler = handlerName(args[0]);
      const route: Served = {
        method: verb === 'any' ? 'ANY' : verb.toUpperCase(),
        ...(handler ? { handler } : {}),
      };
      if (handler) served.push(route);
      else pending = [route];
    } else if (name === 'on' && args.length >= 2) {
      const handler = handlerName(args[1]);
      for (const method of methodsIn(args[0]?.text ?? ''))
        served.push({ method, ...(handler ? { handler } : {}) });
    } else if (name === 'route' && args.length === 0) pending = [{ method: 'ANY' }];
    else if ((name === 'method' || name === 'guard') && pending.length > 0) {
      const methods = methodsIn(args[0]?.text ?? '');
      if (methods.length > 0) pending = methods.map((method) => ({ method }));
    } else if (name === 'to' && pending.length > 0) {
      const handler = handlerName(args[0]);
      served.push(...pending.map((route) => ({ ...route, ...(handler ? { handler } : {}) })));
      pending = [];
    } else extras.push(`${name}(${args.map(declarationText).join(',')})`);
  }
  const joined = extras.join('.');
  return [...served, ...pending].map((route) => (joined === '' ? route : { ...route, extras: joined }));
}

/** `.route("/x", get(h))` on a router or scope; a resource's `.route(web::get().to(h))` and `.to(h)` serve its own path. */
export function readRouteCall(
  call: SyntaxNode,
  name: string,
  holder: RustRef,
  resource: boolean,
): RustRoute[] {
  const args = argumentsOf(call);
  const line = lineOf(call.childForFieldName('function')?.childForFieldName('field') ?? call);
  let path: string | undefined;
  let served: Served[];
  if (name === 'to' && resource) {
    path = '';
    const handler = handlerName(args[0]);
    served = [{ method: 'ANY', ...(handler ? { handler } : {}) }];
  } else if (args.length >= 2) {
    path = stringOf(args[0]);
    served = args[1] ? methodRouter(args[1]) : [];
  } else {
    path = resource ? '' : undefined;
    served = args[0] ? methodRouter(args[0]) : [];
  }
  if (path === undefined) return [];
  const routePath = path;
  return served.map(({ method, handler, extras }) => ({
    holder,
    method,
    path: routePath,
    line,
    ...(handler ? { handler } : {}),
    // One `.route` serves several methods: each route's signature is its own method, handler and layers.
    signature: `${name}:${method}:${handler ?? ''}:${extras ?? ''}`,
  }));
}

/** The function an attribute stands above, past the other attributes. */
function functionBelow(attribute: SyntaxNode): SyntaxNode | undefined {
  for (let next = attribute.nextNamedSibling; next; next = next.nextNamedSibling) {
    if (next.type === 'function_item') return next;
    if (next.type !== 'attribute_item' && !/comment$/.test(next.type)) return undefined;
  }
  return undefined;
}

/**
 * Actix and Rocket attribute routes: `#[get("/users/{id}")]`, `#[route("/x", method = "GET",
 * method = "HEAD")]`, `#[post("/", data = "<form>")]` (Rocket's query part is not the path).
 */
export function readAttributeRoute(node: SyntaxNode): RustAttributeRoute[] {
  const attribute = named(node).find((child) => child.type === 'attribute');
  const path = pathOf(named(attribute)[0]);
  const name = path?.[path.length - 1] ?? '';
  if (!attribute || (!VERBS.has(name) && name !== 'route')) return [];
  const tree = attribute.childForFieldName('arguments');
  const strings = named(tree).filter(
    (child) => child.type === 'string_literal' || child.type === 'raw_string_literal',
  );
  const route = stringOf(strings[0])?.split('?')[0];
  const fn = functionBelow(node)?.childForFieldName('name')?.text;
  // Actix serves a scope's own path with `#[get("")]`; any other string is no route path.
  if (route === undefined || !(route === '' || route.startsWith('/')) || fn === undefined) return [];
  const methods =
    name === 'route'
      ? [...(tree?.text ?? '').matchAll(/method\s*=\s*"(\w+)"/g)].map((match) =>
          (match[1] ?? '').toUpperCase(),
        )
      : [name.toUpperCase()];
  const signature = `${name}${declarationText(tree ?? attribute).replace(/"[^"]*"/, '')}${fn}`;
  return methods.map((method) => ({ fn, method, path: route, line: lineOf(node), signature }));
}
