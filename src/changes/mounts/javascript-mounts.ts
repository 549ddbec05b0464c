import { findRouterMounts } from '../endpoints/javascript-router-mounts.js';
import {
  argumentCode,
  keywordArgument,
  readCallArguments,
  stringArgument,
  type CallArgument,
} from '../source/read-call.js';
import { firstStringWithin, stringsWithin, unescapeString, type SourceView } from '../source/source-view.js';
import type { GlobalPrefix } from './mounted-prefixes.js';
import type { ImportBinding, JavascriptModuleShape } from './javascript-module-shape.js';

/** A router or plugin one file mounts that another module exports. */
export interface JavascriptMount {
  parent: string;
  parentRoot: string;
  parentPrefix: string | undefined;
  path: string | undefined;
  child: ImportBinding;
}

const USE = /([\w$]+)\s*\.\s*use\s*\(/g;
const REGISTER = /([\w$]+)\s*\.\s*register\s*\(/g;
const GLOBAL_PREFIX = /\.\s*setGlobalPrefix\s*\(/g;
/** Cheap test on a file's text: can it mount anything? */
export const JAVASCRIPT_MOUNT_HINT = /\.\s*(use|register|setGlobalPrefix)\s*\(/;

/**
 * The module a mount's argument names: an imported router (`orders`), a member of an
 * imported namespace (`routes.orders`), a factory call (`ordersRouter(db)`), Koa's
 * `router.routes()`, or an inline `require('./routes')` / `import('./routes.js')`.
 */
function childOf(
  view: SourceView,
  argument: CallArgument,
  shape: JavascriptModuleShape,
): ImportBinding | undefined {
  const code = argumentCode(view, argument).replace(/\s*\.\s*(routes|middleware)\s*\(\s*\)$/, '');
  const inline = /^(?:await\s+)?(?:require|import)\s*\(\s*['"]/.exec(code);
  if (inline) {
    const span = firstStringWithin(
      view,
      argument.start + inline[0].length,
      argument.start + inline[0].length + 1,
    );
    if (!span) return undefined;
    const member = /^.\s*\)\s*\.\s*([\w$]+)/.exec(view.masked.slice(span.end, span.end + 80))?.[1];
    const specifier = unescapeString(view.text.slice(span.start, span.end));
    return { specifier, name: member && member !== 'default' ? member : 'default' };
  }
  // A factory call: keep its callee.
  const reference = /^([\w$]+(?:\s*\.\s*[\w$]+)?)\s*(?:\(|$)/.exec(code)?.[1];
  if (reference === undefined || (code.includes('(') && !code.endsWith(')'))) return undefined;
  const [head = '', member] = reference.split('.').map((part) => part.trim());
  const binding = shape.imports.get(head);
  if (!binding) return undefined;
  if (member === undefined) return binding;
  // routes.orders, where routes is a namespace or a CommonJS module object.
  return binding.name === '*' || binding.name === 'default'
    ? { specifier: binding.specifier, name: member }
    : undefined;
}

/** Express/Koa `x.use('/p', child)` (or without a path) and Fastify `x.register(child, { prefix: '/p' })` mounts of imported modules. */
export function readJavascriptMounts(view: SourceView, shape: JavascriptModuleShape): JavascriptMount[] {
  if (shape.imports.size === 0 && !/\b(require|import)\s*\(/.test(view.masked)) return [];
  const routers = findRouterMounts(view);
  const found: JavascriptMount[] = [];
  const add = (parent: string, path: string | undefined, child: ImportBinding | undefined): void => {
    if (!child) return;
    const parentRoot = routers.rootOf(parent);
    found.push({ parent, parentRoot, parentPrefix: routers.prefixOf(parent), path, child });
  };
  for (const match of view.masked.matchAll(USE)) {
    const read = readCallArguments(view, match.index + match[0].length - 1);
    const [first, ...rest] = read?.arguments ?? [];
    if (!first) continue;
    const path = stringArgument(view, first);
    for (const argument of path === undefined ? [first, ...rest] : rest)
      add(match[1] ?? '', path, childOf(view, argument, shape));
  }
  for (const match of view.masked.matchAll(REGISTER)) {
    const read = readCallArguments(view, match.index + match[0].length - 1);
    const [plugin, options] = read?.arguments ?? [];
    if (!plugin) continue;
    const fields =
      options && argumentCode(view, options).startsWith('{')
        ? (readCallArguments(view, options.start)?.arguments ?? [])
        : [];
    add(
      match[1] ?? '',
      stringArgument(view, keywordArgument(view, fields, 'prefix')),
      childOf(view, plugin, shape),
    );
  }
  return found;
}

/** NestJS's `app.setGlobalPrefix('api', { exclude: ['health'] })`, if the file calls it. */
export function readGlobalPrefix(view: SourceView): GlobalPrefix | undefined {
  for (const match of view.masked.matchAll(GLOBAL_PREFIX)) {
    const read = readCallArguments(view, match.index + match[0].length - 1);
    const prefix = stringArgument(view, read?.arguments[0]);
    if (prefix === undefined) continue;
    const options = read?.arguments[1];
    const fields =
      options && argumentCode(view, options).startsWith('{')
        ? (readCallArguments(view, options.start)?.arguments ?? [])
        : [];
    const excluded = keywordArgument(view, fields, 'exclude');
    // `{ path: 'health', method: RequestMethod.GET }` entries hold their path as their only string.
    const exclude = excluded ? stringsWithin(view, excluded.start, excluded.end) : [];
    return { prefix, exclude: exclude.map((path) => path.replace(/^\/+|\/+$/g, '')) };
  }
  return undefined;
}
