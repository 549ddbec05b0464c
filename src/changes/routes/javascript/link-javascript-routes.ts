import path from 'node:path';
import type { RouteFramework } from '../../change-analysis.js';
import { createPrefixGraph, type PrefixGraph } from '../prefix-graph.js';
import type { LinkInput } from '../route-family.js';
import { joinRoutePath, type RouteEntry } from '../route-entry.js';
import { routerKey, type JavascriptFacts, type JavascriptRoute, type ValueRef } from './javascript-facts.js';
import { readPathAliases, resolveJavascriptModule } from './resolve-javascript-module.js';
import { nestRouteEntries } from './nest-route-entries.js';

/** A value's place in the project: a router, a function parameter or a function, in one file. */
type Place =
  | { file: string; kind: 'unknown'; name: string }
  | { file: string; kind: 'router'; key: string }
  | { file: string; kind: 'param'; fn: string; index: number }
  | { file: string; kind: 'function'; fn: string; shared?: boolean };

const MAX_DEPTH = 12;

/** Resolves references across the project's files: imports to exports, factories to what they return. */
function createPlaceResolver(input: LinkInput<JavascriptFacts>) {
  const aliases = readPathAliases(input.project, input.read);
  const exists = (file: string): boolean => input.files.has(file) || input.exists(file);
  const moduleCache = new Map<string, string | undefined>();
  const moduleOf = (from: string, specifier: string): string | undefined => {
    const key = `${path.posix.dirname(from)}\0${specifier}`;
    if (!moduleCache.has(key))
      moduleCache.set(key, resolveJavascriptModule(from, specifier, exists, aliases));
    return moduleCache.get(key);
  };
  const exported = (file: string, name: string, depth: number): Place | undefined => {
    const facts = input.files.get(file);
    if (!facts || depth > MAX_DEPTH) return undefined;
    const own = facts.exports[name] ?? (name === 'default' ? facts.exports.plugin : undefined);
    if (own) return resolve(file, own, depth + 1);
    for (const [key, ref] of Object.entries(facts.exports)) {
      if (!key.startsWith('*') || ref.kind !== 'import') continue;
      const target = moduleOf(file, ref.module);
      const found = target === undefined ? undefined : exported(target, name, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  const resolve = (file: string, ref: ValueRef, depth = 0): Place | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    switch (ref.kind) {
      case 'router':
        return { file, kind: 'router', key: routerKey(ref.scope, ref.name) };
      case 'param':
        return { file, kind: 'param', fn: ref.fn, index: ref.index };
      case 'function':
        return { file, kind: 'function', fn: ref.fn, ...(ref.shared ? { shared: true } : {}) };
      case 'import': {
        const target = moduleOf(file, ref.module);
        return target === undefined ? undefined : exported(target, ref.name, depth + 1);
      }
      case 'call': {
        const callee = resolve(file, ref.callee, depth + 1);
        if (callee?.kind !== 'function') return undefined;
        const returned = input.files.get(callee.file)?.returns[callee.fn];
        return returned ? resolve(callee.file, returned, depth + 1) : undefined;
      }
      default:
        return undefined;
    }
  };
  return resolve;
}

/** The graph node of a place; `argument` picks the parameter a function place stands for. */
function nodeOf(place: Place, argument = 0): string {
  if (place.kind === 'unknown') return `${place.file}|u|${place.name}`;
  if (place.kind === 'router') return `${place.file}|r|${place.key}`;
  if (place.kind === 'param') return `${place.file}|p|${place.fn}|${place.index}`;
  return `${place.file}|p|${place.fn}|${argument}`;
}

function ownPrefixOf(input: LinkInput<JavascriptFacts>, place: Place | undefined): string {
  if (place?.kind !== 'router') return '';
  return input.files.get(place.file)?.ownPrefixes[place.key] ?? '';
}

/** Mount edges of every file, and `@fastify/autoload` folders, into one graph. */
function buildGraph(
  input: LinkInput<JavascriptFacts>,
  resolve: ReturnType<typeof createPlaceResolver>,
): PrefixGraph {
  const graph = createPrefixGraph();
  for (const [file, facts] of input.files) {
    for (const mount of facts.mounts) {
      // A receiver nothing can name (`this.app`, a global) still hands its prefix down: it is a root.
      const parent =
        resolve(file, mount.parent) ??
        (mount.parent.kind === 'unknown'
          ? { file, kind: 'unknown' as const, name: mount.parent.name }
          : undefined);
      const child = resolve(file, mount.child);
      if (!parent || !child) continue;
      // Express mounts routers with `use`; a function there is middleware, not routes.
      if (mount.via === 'use' && child.kind === 'function') continue;
      // A `fastify-plugin` plugin shares its parent's scope: Fastify ignores the `prefix` it is registered with.
      const ignored = mount.via === 'pass' || (child.kind === 'function' && child.shared === true);
      const prefix = ignored ? '' : joinRoutePath(ownPrefixOf(input, parent), mount.prefix);
      graph.mount(nodeOf(parent), nodeOf(child, mount.argument ?? 0), prefix === '/' ? '' : prefix);
    }
    for (const autoload of facts.autoloads) {
      const parent = resolve(file, autoload.parent);
      if (!parent) continue;
      for (const [pluginFile, pluginFacts] of input.files) {
        if (!pluginFile.startsWith(`${autoload.dir}/`) || !pluginFacts.exports.default) continue;
        const plugin = resolve(pluginFile, pluginFacts.exports.default);
        if (!plugin) continue;
        const folder = path.posix.dirname(path.posix.relative(autoload.dir, pluginFile));
        // A plugin's `autoPrefix` replaces the prefix its folders give; the options' prefix comes first either way.
        const prefix = joinRoutePath(
          autoload.prefix,
          pluginFacts.autoPrefix ?? (folder === '.' ? '' : folder),
        );
        graph.mount(nodeOf(parent), nodeOf(plugin), prefix === '/' ? '' : prefix);
      }
    }
  }
  return graph;
}

const METHOD_FRAMEWORKS: readonly RouteFramework[] = ['express', 'fastify', 'koa', 'hapi'];

function frameworkOf(
  route: JavascriptRoute,
  facts: JavascriptFacts,
  projectFrameworks: readonly string[],
): RouteFramework {
  if (route.framework) return route.framework;
  const imported = facts.frameworks.find((name) => METHOD_FRAMEWORKS.includes(name));
  if (imported) return imported;
  // Fastify plugins receive the instance as `fastify` and rarely import the package.
  if (route.receiver === 'fastify' && !projectFrameworks.includes('express')) return 'fastify';
  return METHOD_FRAMEWORKS.find((name) => projectFrameworks.includes(name)) ?? 'express';
}

/**
 * The route table of one JavaScript or TypeScript project side: every method route with
 * the prefixes of the mounts above it, wherever they are declared, and NestJS controllers
 * under the global prefix and URI versions.
 */
export function linkJavascriptRoutes(input: LinkInput<JavascriptFacts>): RouteEntry[] {
  const resolve = createPlaceResolver(input);
  const graph = buildGraph(input, resolve);
  const entries: RouteEntry[] = [];
  for (const [file, facts] of input.files) {
    for (const route of facts.routes) {
      const place = resolve(file, route.holder);
      const prefixes = place ? graph.prefixesOf(nodeOf(place)) : [''];
      const own = ownPrefixOf(input, place);
      const framework = frameworkOf(route, facts, input.frameworks);
      const router = place ? { id: nodeOf(place), mounted: graph.isMounted(nodeOf(place)) } : undefined;
      for (const prefix of prefixes) {
        const entry: RouteEntry = {
          method: route.method,
          path: joinRoutePath(prefix, own, route.path),
          framework,
          file,
          line: route.line,
          signature: route.signature,
          ...(router ? { router } : {}),
        };
        if (route.handler !== undefined) entry.handler = route.handler;
        entries.push(entry);
      }
    }
  }
  return [...entries, ...nestRouteEntries(input.files)];
}
