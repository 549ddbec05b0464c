import path from 'node:path';
import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { lineOf, stringValue } from '../../../code/syntax/node-text.js';
import type { JavascriptAutoload, JavascriptMount, ValueRef } from './javascript-facts.js';
import type { FileScopes } from './javascript-scopes.js';
import { argumentsOf, memberPath, propertyValue, unwrap } from './javascript-syntax.js';
import { readIteratedUse } from './read-iterated-mounts.js';

/** What one call mounts, if anything. */
export interface MountRead {
  mounts: JavascriptMount[];
  autoload?: JavascriptAutoload;
  ownPrefix?: { holder: ValueRef; prefix: string };
}

/** A mounted child: `router`, `child.routes()` (koa-router), `require('./x')`, `factory()`. */
function childOf(node: SyntaxNode, scopes: FileScopes): ValueRef {
  const inner = unwrap(node);
  if (inner.type === 'call_expression') {
    const callee = inner.childForFieldName('function');
    if (
      callee?.type === 'member_expression' &&
      /^(routes|middleware|callback)$/.test(callee.childForFieldName('property')?.text ?? '')
    ) {
      const object = callee.childForFieldName('object');
      if (object) return scopes.resolve(object);
    }
  }
  return scopes.resolve(inner);
}

function joinPrefix(outer: string, inner: string): string {
  if (outer === '' || outer === '/') return inner;
  if (inner === '' || inner === '/') return outer;
  return `${outer.replace(/\/+$/, '')}/${inner.replace(/^\/+/, '')}`;
}

/** koa-mount's `mount('/api', app)` (or `mount(app)`): the app it wraps, under its prefix. */
function koaMount(node: SyntaxNode, scopes: FileScopes): { child: ValueRef; prefix: string } | undefined {
  const inner = unwrap(node);
  if (inner.type !== 'call_expression') return undefined;
  const callee = inner.childForFieldName('function');
  const target = callee ? scopes.resolve(callee) : undefined;
  if (target?.kind !== 'import' || !/^koa-mount$/.test(target.module)) return undefined;
  const args = argumentsOf(inner);
  const prefix = stringValue(args[0]);
  const app = prefix === undefined ? args[0] : args[1];
  return app ? { child: childOf(app, scopes), prefix: prefix ?? '' } : undefined;
}

/** `app.use('/api', router, other)`, `app.use(router)`. */
function readUse(call: SyntaxNode, parent: ValueRef, scopes: FileScopes): JavascriptMount[] {
  const iterated = readIteratedUse(call, parent, (node) => childOf(node, scopes));
  if (iterated) return iterated;
  const args = argumentsOf(call);
  const first = args[0];
  if (!first) return [];
  const prefix = stringValue(unwrap(first));
  const children = prefix === undefined ? args : args.slice(1);
  if (prefix !== undefined && !(prefix === '' || prefix.startsWith('/'))) return [];
  return children.map((child) => {
    const mounted = koaMount(child, scopes);
    return {
      parent,
      child: mounted?.child ?? childOf(child, scopes),
      prefix: joinPrefix(prefix ?? '', mounted?.prefix ?? ''),
      via: 'use' as const,
      line: lineOf(call),
    };
  });
}

/** The folder `path.join(__dirname, 'routes')` names, relative to the repository root. */
function autoloadDir(node: SyntaxNode | undefined, file: string): string | undefined {
  if (!node) return undefined;
  const inner = unwrap(node);
  const pieces = inner.type === 'call_expression' ? argumentsOf(inner) : [inner];
  const parts: string[] = [];
  for (const piece of pieces) {
    // The folder of the file itself: `__dirname`, `import.meta.dirname`.
    if (/^(__dirname|import\.meta\.dirname)$/.test(memberPath(piece) ?? piece.text)) continue;
    const value = stringValue(piece);
    if (value === undefined) return undefined;
    parts.push(value);
  }
  return path.posix.normalize(path.posix.join(path.posix.dirname(file), ...parts));
}

/** Fastify's `register(plugin, { prefix })` and Hapi's `register({ plugin, routes: { prefix } })`; `@fastify/autoload` too. */
function readRegister(call: SyntaxNode, parent: ValueRef, scopes: FileScopes, file: string): MountRead {
  const [first, options] = argumentsOf(call);
  // koa-router's `register(path, methods, …)` declares a route; it mounts nothing.
  if (!first || stringValue(first) !== undefined) return { mounts: [] };
  const plugin = unwrap(first);
  const hapiPlugin = plugin.type === 'object' ? propertyValue(plugin, 'plugin') : undefined;
  const child = scopes.resolve(hapiPlugin ?? plugin);
  const optionsNode = options ? unwrap(options) : undefined;
  const hapiRoutes = hapiPlugin ? propertyValue(plugin, 'routes') : undefined;
  const prefix = stringValue(propertyValue(hapiRoutes ?? optionsNode, 'prefix')) ?? '';
  if (child.kind === 'import' && /(^|\/)(@fastify\/autoload|fastify-autoload)$/.test(child.module)) {
    const dir = autoloadDir(propertyValue(optionsNode, 'dir'), file);
    const autoloadPrefix = stringValue(propertyValue(propertyValue(optionsNode, 'options'), 'prefix')) ?? '';
    return { mounts: [], ...(dir ? { autoload: { parent, dir, prefix: autoloadPrefix } } : {}) };
  }
  return { mounts: [{ parent, child, prefix, via: 'register', line: lineOf(call) }] };
}

/** `setup(app)`, `require('./routes')(app)`: a function of another module or this one receives a router. */
function readPass(call: SyntaxNode, scopes: FileScopes): JavascriptMount[] {
  const callee = call.childForFieldName('function');
  // Methods of objects (`app.listen(x)`, `console.log(app)`) are not functions that mount routers.
  if (!callee || callee.type === 'member_expression') return [];
  const target = scopes.resolve(callee);
  if (target.kind !== 'function' && target.kind !== 'import') return [];
  const mounts: JavascriptMount[] = [];
  argumentsOf(call).forEach((arg, index) => {
    const inner = unwrap(arg);
    if (inner.type !== 'identifier') return;
    const value = scopes.resolve(inner);
    if (value.kind === 'router' || value.kind === 'param')
      mounts.push({
        parent: value,
        child: target,
        prefix: '',
        via: 'pass',
        argument: index,
        line: lineOf(call),
      });
  });
  return mounts;
}

/** The mounts, autoloads and own prefixes one call declares. */
export function readMountCall(call: SyntaxNode, scopes: FileScopes, file: string): MountRead {
  const callee = call.childForFieldName('function');
  if (callee?.type === 'member_expression') {
    const property = callee.childForFieldName('property')?.text;
    const receiver = callee.childForFieldName('object');
    if (!receiver || receiver.type === 'call_expression') return { mounts: [] };
    if (property === 'use') return { mounts: readUse(call, scopes.resolve(receiver), scopes) };
    if (property === 'register') return readRegister(call, scopes.resolve(receiver), scopes, file);
    if (property === 'prefix') {
      const prefix = stringValue(argumentsOf(call)[0]);
      if (prefix !== undefined && argumentsOf(call).length === 1)
        return { mounts: [], ownPrefix: { holder: scopes.resolve(receiver), prefix } };
    }
    return { mounts: [] };
  }
  return { mounts: readPass(call, scopes) };
}
