import type { ProjectSide } from '../route-family.js';
import type { JavascriptFacts, ValueRef } from './javascript-facts.js';
import { readPathAliases, resolveJavascriptModule } from './resolve-javascript-module.js';

/** The modules a value comes from, through calls (`createRouter()` imported from another file). */
function modulesOf(ref: ValueRef | undefined, into: Set<string>): void {
  if (ref?.kind === 'import') into.add(ref.module);
  else if (ref?.kind === 'call') modulesOf(ref.callee, into);
}

/**
 * The modules whose exports the file's routing needs: the routers, plugins and factories its
 * routes, mounts, exports and returns refer to. A helper the file imports for its handlers
 * (a database client, a validator) holds no route and needs no reading.
 */
function routingModules(facts: JavascriptFacts): Set<string> {
  const modules = new Set<string>();
  for (const route of facts.routes) modulesOf(route.holder, modules);
  for (const mount of facts.mounts) {
    modulesOf(mount.parent, modules);
    modulesOf(mount.child, modules);
  }
  for (const autoload of facts.autoloads) modulesOf(autoload.parent, modules);
  for (const ref of [...Object.values(facts.exports), ...Object.values(facts.returns)])
    modulesOf(ref, modules);
  return modules;
}

/**
 * True when the file takes part in routing: it declares routes, mounts or autoloads routers,
 * sets a prefix, declares a controller, or hands a router (its own or another module's) on.
 * Only such a file has mounters worth finding and modules worth following.
 */
export function takesPartInRouting(facts: JavascriptFacts): boolean {
  return (
    facts.routes.length > 0 ||
    facts.mounts.some((mount) => mount.via !== 'pass' || passesRouterOn(facts, mount.parent)) ||
    facts.autoloads.length > 0 ||
    facts.controllers.length > 0 ||
    facts.globalPrefix !== undefined ||
    facts.uriVersioning !== undefined ||
    facts.autoPrefix !== undefined ||
    Object.keys(facts.ownPrefixes).length > 0 ||
    [...Object.values(facts.exports), ...Object.values(facts.returns)].some((ref) =>
      handsRouterOn(facts, ref),
    )
  );
}

/**
 * A value handed to another function is a router when the file made it, or when it is a
 * parameter of a function the file exports (`module.exports = (app) => setup(app)`); a helper
 * passing its own argument on (`process(batch)`) mounts nothing.
 */
function passesRouterOn(facts: JavascriptFacts, parent: ValueRef): boolean {
  if (parent.kind === 'router') return true;
  if (parent.kind !== 'param') return false;
  return Object.values(facts.exports).some((ref) => ref.kind === 'function' && ref.fn === parent.fn);
}

/**
 * A router the file exports or returns: its own, one it re-exports, or what a local factory
 * returns. `export const db = drizzle(pool)` calls something too, but hands no router on.
 */
function handsRouterOn(facts: JavascriptFacts, ref: ValueRef): boolean {
  if (ref.kind === 'router' || ref.kind === 'import') return true;
  if (ref.kind !== 'call' || ref.callee.kind !== 'function') return false;
  return facts.returns[ref.callee.fn]?.kind === 'router';
}

/** The project files the file's routing refers to, every plugin under the folders it autoloads, and where its configured prefix is set. */
export function javascriptDependencies(facts: JavascriptFacts, file: string, side: ProjectSide): string[] {
  if (!takesPartInRouting(facts)) return [];
  const aliases = readPathAliases(side.project, side.read);
  const found = [...routingModules(facts)]
    .map((specifier) => resolveJavascriptModule(file, specifier, side.exists, aliases))
    .filter((path): path is string => path !== undefined);
  for (const autoload of facts.autoloads) found.push(...side.filesUnder(autoload.dir));
  // A global prefix read from configuration: the files that define that setting.
  if (facts.globalPrefix && 'key' in facts.globalPrefix)
    found.push(...(side.mentioning?.(facts.globalPrefix.key) ?? []));
  return found;
}
