import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { lineOf, stringValue } from '../../../code/syntax/node-text.js';
import type { NestController } from './javascript-facts.js';
import { argumentsOf, memberPath, propertyValue, unwrap } from './javascript-syntax.js';

const NEST_METHODS: Readonly<Record<string, string>> = {
  Get: 'GET',
  Post: 'POST',
  Put: 'PUT',
  Patch: 'PATCH',
  Delete: 'DELETE',
  Options: 'OPTIONS',
  Head: 'HEAD',
  All: 'ANY',
  Search: 'SEARCH',
};

interface Decorator {
  name: string;
  args: SyntaxNode[];
  node: SyntaxNode;
}

function readDecorator(node: SyntaxNode): Decorator | undefined {
  const inner = node.namedChildren[0];
  if (!inner) return undefined;
  if (inner.type === 'call_expression') {
    const name = memberPath(inner.childForFieldName('function'));
    return name === undefined ? undefined : { name, args: argumentsOf(inner), node };
  }
  const name = memberPath(inner);
  return name === undefined ? undefined : { name, args: [], node };
}

/** `'x'`, `['a', 'b']`, or nothing (the empty path). */
function pathList(node: SyntaxNode | undefined): string[] {
  if (!node) return [''];
  const inner = unwrap(node);
  const single = stringValue(inner);
  if (single !== undefined) return [single];
  if (inner.type === 'array')
    return inner.namedChildren
      .map((child) => stringValue(child))
      .filter((value): value is string => value !== undefined);
  return [''];
}

function versionList(node: SyntaxNode | undefined): string[] | undefined {
  if (!node) return undefined;
  const list = pathList(node).filter((value) => value !== '');
  return list.length > 0 ? list : undefined;
}

/** The decorators written right before a class member (tree-sitter puts them in the class body as siblings). */
function decoratorsBefore(member: SyntaxNode): Decorator[] {
  const found: Decorator[] = [];
  for (
    let sibling = member.previousNamedSibling;
    sibling?.type === 'decorator';
    sibling = sibling.previousNamedSibling
  ) {
    const read = readDecorator(sibling);
    if (read) found.unshift(read);
  }
  for (const child of member.namedChildren)
    if (child?.type === 'decorator')
      found.push(...[readDecorator(child)].filter((d): d is Decorator => d !== undefined));
  return found;
}

function classDecorators(declaration: SyntaxNode): Decorator[] {
  const own = declaration.namedChildren.filter((child): child is SyntaxNode => child?.type === 'decorator');
  const outer =
    declaration.parent?.type === 'export_statement'
      ? declaration.parent.namedChildren.filter((child): child is SyntaxNode => child?.type === 'decorator')
      : [];
  return [...outer, ...own].map(readDecorator).filter((d): d is Decorator => d !== undefined);
}

function readRoutes(body: SyntaxNode, className: string): NestController['routes'] {
  const routes: NestController['routes'] = [];
  for (const member of body.namedChildren) {
    if (member?.type !== 'method_definition') continue;
    const decorators = decoratorsBefore(member);
    const routeDecorator = decorators.find((decorator) => NEST_METHODS[decorator.name] !== undefined);
    if (!routeDecorator) continue;
    const name = member.childForFieldName('name')?.text ?? '';
    const version = versionList(decorators.find((decorator) => decorator.name === 'Version')?.args[0]);
    const others = decorators
      .filter((decorator) => decorator !== routeDecorator)
      .map((decorator) => decorator.node.text.replace(/\s+/g, ''));
    routes.push({
      method: NEST_METHODS[routeDecorator.name] ?? 'GET',
      paths: pathList(routeDecorator.args[0]),
      ...(version ? { version } : {}),
      line: lineOf(routeDecorator.node),
      handler: `${className}.${name}`,
      signature: [routeDecorator.name, ...others, name].join(','),
    });
  }
  return routes;
}

/**
 * Route decorators the parser could not place in a class: a diff's hunks without the lines
 * between them cut a controller's body short. Each orphan `@Get()` is the next method's,
 * and belongs to the controller declared above it in the file.
 */
export function readOrphanRoutes(
  root: SyntaxNode,
): { line: number; route: NestController['routes'][number] }[] {
  const found: { line: number; route: NestController['routes'][number] }[] = [];
  const visit = (node: SyntaxNode): void => {
    if (node.type === 'ERROR') {
      let group: Decorator[] = [];
      for (const child of node.namedChildren) {
        if (!child) continue;
        if (child.type === 'decorator') {
          const read = readDecorator(child);
          if (read) group.push(read);
          continue;
        }
        const routeDecorator = group.find((decorator) => NEST_METHODS[decorator.name] !== undefined);
        const handler =
          child.type === 'identifier'
            ? child.text
            : child.namedChildren.find((inner) => inner?.type === 'identifier')?.text;
        if (routeDecorator && handler) {
          const others = group
            .filter((decorator) => decorator !== routeDecorator)
            .map((decorator) => decorator.node.text.replace(/\s+/g, ''));
          const line = lineOf(routeDecorator.node);
          found.push({
            line,
            route: {
              method: NEST_METHODS[routeDecorator.name] ?? 'GET',
              paths: pathList(routeDecorator.args[0]),
              line,
              handler,
              signature: [routeDecorator.name, ...others, handler].join(','),
            },
          });
        }
        group = [];
      }
    }
    for (const child of node.namedChildren) if (child) visit(child);
  };
  visit(root);
  return found;
}

/** A NestJS `@Controller(path | { path, version })` class and its `@Get()`… handlers; undefined for any other class. */
export function readNestController(declaration: SyntaxNode): NestController | undefined {
  const controller = classDecorators(declaration).find((decorator) => decorator.name === 'Controller');
  const body = declaration.childForFieldName('body');
  if (!controller || !body) return undefined;
  const name = declaration.childForFieldName('name')?.text ?? 'Controller';
  const argument = controller.args[0] ? unwrap(controller.args[0]) : undefined;
  const options = argument?.type === 'object' ? argument : undefined;
  const version = versionList(propertyValue(options, 'version'));
  return {
    name,
    line: lineOf(declaration),
    paths: pathList(options ? propertyValue(options, 'path') : argument),
    ...(version ? { version } : {}),
    routes: readRoutes(body, name),
  };
}

/** `app.setGlobalPrefix('api', { exclude: ['health', { path: 'x', method: … }] })`. */
export function readGlobalPrefix(
  call: SyntaxNode,
): { prefix: string; exclude: string[] } | { key: string; exclude: string[] } | undefined {
  const callee = call.childForFieldName('function');
  if (
    callee?.type !== 'member_expression' ||
    callee.childForFieldName('property')?.text !== 'setGlobalPrefix'
  )
    return undefined;
  const [first, options] = argumentsOf(call);
  const prefix = stringValue(first) ?? literalDefault(first);
  const key = prefix === undefined ? configurationKey(first) : undefined;
  if (prefix === undefined && key === undefined) return undefined;
  const excludeNode = propertyValue(options ? unwrap(options) : undefined, 'exclude');
  const exclude = (excludeNode?.namedChildren ?? [])
    .map((item) => (item?.type === 'object' ? stringValue(propertyValue(item, 'path')) : stringValue(item)))
    .filter((value): value is string => value !== undefined)
    .map((value) => value.replace(/^\/+|\/+$/g, ''));
  return prefix !== undefined ? { prefix, exclude } : { key: key ?? '', exclude };
}

/** `process.env.API_PREFIX || 'api'`, `x ?? 'api'`: the literal a value falls back to. */
export function literalDefault(node: SyntaxNode | undefined): string | undefined {
  const inner = node ? unwrap(node) : undefined;
  if (inner?.type !== 'binary_expression') return undefined;
  const operator = inner.childForFieldName('operator')?.text;
  if (operator !== '||' && operator !== '??') return undefined;
  return stringValue(inner.childForFieldName('right'));
}

/** The name a configuration lookup asks for: `config.get('app.apiPrefix')` → `apiPrefix`, `settings.apiPrefix` → `apiPrefix`. */
function configurationKey(node: SyntaxNode | undefined): string | undefined {
  const inner = node ? unwrap(node) : undefined;
  if (!inner) return undefined;
  if (inner.type === 'call_expression') {
    const key = stringValue(argumentsOf(inner)[0]);
    return key?.split('.').pop();
  }
  return inner.type === 'member_expression' ? inner.childForFieldName('property')?.text : undefined;
}

/** `app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' })`: URI versioning puts `v<version>` in the path. */
export function readUriVersioning(call: SyntaxNode): { defaultVersion?: string[] } | undefined {
  const callee = call.childForFieldName('function');
  if (
    callee?.type !== 'member_expression' ||
    callee.childForFieldName('property')?.text !== 'enableVersioning'
  )
    return undefined;
  const options = argumentsOf(call)[0];
  const type = memberPath(propertyValue(options ? unwrap(options) : undefined, 'type'));
  // URI is Nest's default type when none is given.
  if (type !== undefined && !/URI$/.test(type)) return undefined;
  const defaultVersion = versionList(propertyValue(options ? unwrap(options) : undefined, 'defaultVersion'));
  return defaultVersion ? { defaultVersion } : {};
}
