import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { stringValue } from '../../../code/syntax/node-text.js';
import { compactSignature, joinRoutePath } from '../route-entry.js';
import type { PhpRoute } from './php-facts.js';
import { stringsOf } from './php-call-chain.js';

const ROUTE_ATTRIBUTE = /^\\?(?:Symfony\\Component\\Routing\\(?:Attribute|Annotation)\\)?Route$/;

interface RouteAttribute {
  path?: string;
  methods: string[];
  /** The attribute's arguments but its path, as written. */
  options: string;
}

/** `/{id<\d+>}` and `/page/{page<\d+>?1}` → `/{id}`, `/page/{page}`: Symfony's inline requirements and defaults left out. */
export function servedPath(path: string): string {
  return path.replace(/\{(!?\w+)(?:<[^>]*>)?(?:\?[^}]*)?\}/g, '{$1}');
}

function readAttribute(node: SyntaxNode): RouteAttribute {
  let path: string | undefined;
  let methods: string[] = [];
  const options: string[] = [];
  for (const argument of node.childForFieldName('parameters')?.namedChildren ?? []) {
    const name = argument?.childForFieldName('name')?.text;
    const value = argument?.namedChildren.at(-1);
    if (!argument || !value) continue;
    if (name === undefined || name === 'path') path ??= stringValue(value);
    else if (name === 'methods') methods = stringsOf(value).map((method) => method.toUpperCase());
    if (name !== undefined && name !== 'path') options.push(argument.text);
  }
  const served = path === undefined ? undefined : servedPath(path);
  // Inline requirements and defaults are part of the declaration, not of the URL.
  if (served !== path) options.push(`path:${path}`);
  return {
    ...(served !== undefined ? { path: served } : {}),
    methods,
    options: compactSignature(options.join(',')),
  };
}

/** The class or method an attribute is written on. */
function ownerOf(attribute: SyntaxNode): SyntaxNode | null {
  return attribute.parent?.parent?.parent ?? null;
}

/** True when a class declares `__invoke`: an invokable controller, routed by its class's `#[Route]`. */
function isInvokable(owner: SyntaxNode): boolean {
  return (owner.childForFieldName('body')?.namedChildren ?? []).some(
    (member) =>
      member?.type === 'method_declaration' && member.childForFieldName('name')?.text === '__invoke',
  );
}

function routeOf(node: SyntaxNode, attribute: RouteAttribute, path: string, handler?: string): PhpRoute {
  return {
    framework: 'symfony',
    methods: attribute.methods.length > 0 ? attribute.methods : ['ANY'],
    path,
    line: node.startPosition.row + 1,
    ...(handler !== undefined ? { handler } : {}),
    signature: `${handler ?? ''} ${attribute.options}`,
  };
}

/**
 * Symfony's `#[Route]` attributes: a method's route under its class's `#[Route]` prefix, serving
 * the methods it lists (any when it lists none). An invokable controller whose methods carry no
 * route is routed by its class's attribute, as Symfony's loader does.
 */
export function readSymfonyRoutes(attributes: readonly SyntaxNode[]): PhpRoute[] {
  const classes = new Map<number, { node: SyntaxNode; owner: SyntaxNode; attribute: RouteAttribute }>();
  const routed = new Set<number>();
  const routes: PhpRoute[] = [];
  for (const node of attributes) {
    const name = node.namedChildren[0]?.text ?? '';
    if (!ROUTE_ATTRIBUTE.test(name)) continue;
    const owner = ownerOf(node);
    const attribute = readAttribute(node);
    if (owner?.type === 'class_declaration') {
      classes.set(owner.startIndex, { node, owner, attribute });
      continue;
    }
    if (owner?.type !== 'method_declaration' || attribute.path === undefined) continue;
    const owningClass = owner.parent?.parent;
    const className = owningClass?.childForFieldName('name')?.text;
    const method = owner.childForFieldName('name')?.text;
    const prefix = classes.get(owningClass?.startIndex ?? -1)?.attribute.path;
    routed.add(owningClass?.startIndex ?? -1);
    const handler = className && method ? `${className}::${method}` : undefined;
    routes.push(routeOf(node, attribute, joinRoutePath(prefix, attribute.path), handler));
  }
  for (const [start, { node, owner, attribute }] of classes) {
    if (routed.has(start) || attribute.path === undefined || !isInvokable(owner)) continue;
    const className = owner.childForFieldName('name')?.text;
    routes.push(
      routeOf(node, attribute, joinRoutePath(attribute.path), className && `${className}::__invoke`),
    );
  }
  return routes;
}
