import type { Endpoint } from '../change-analysis.js';
import type { RouteEntry } from './route-entry.js';

// Frameworks whose routing matches paths whatever their case: `api/Orders` and `api/orders` are one endpoint.
const CASE_INSENSITIVE: ReadonlySet<string> = new Set(['aspnetcore']);
const keyOf = (route: RouteEntry): string =>
  `${route.method} ${CASE_INSENSITIVE.has(route.framework) ? route.path.toLowerCase() : route.path}`;
/**
 * What identifies a route apart from its URL: its handler when it names one, else its file,
 * method and declaration (an inline handler's route moved under a new prefix is still itself).
 */
const identityOf = (route: RouteEntry): string =>
  route.handler !== undefined
    ? `${route.framework} handler ${route.handler}`
    : `${route.framework} ${route.file} ${route.method} ${route.signature}`;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function toEndpoint(route: RouteEntry, change: Endpoint['change'], project: string): Endpoint {
  const endpoint: Endpoint = {
    method: route.method,
    path: route.path,
    change,
    framework: route.framework,
    file: route.file,
    line: route.line,
    project,
  };
  if (route.handler !== undefined) endpoint.handler = route.handler;
  return endpoint;
}

/**
 * Takes the counterpart of `route` from `candidates`: the one in the same file first, so
 * duplicates pair up in place; with `sameFileOnly`, none from another file.
 */
function takeCounterpart(
  candidates: RouteEntry[] | undefined,
  route: RouteEntry,
  sameFileOnly = false,
): RouteEntry | undefined {
  if (!candidates || candidates.length === 0) return undefined;
  const index = candidates.findIndex((candidate) => candidate.file === route.file);
  if (index < 0 && sameFileOnly) return undefined;
  return candidates.splice(index >= 0 ? index : 0, 1)[0];
}

/**
 * The endpoint changes between a project's base and head route tables. A route whose
 * method and full path are on both sides is unchanged, wherever it is declared, unless its
 * declaration says something else now (handler, middleware): then it is `changed`. A head
 * route without a counterpart is `added`, unless a base route without one is the same route
 * (same handler, or the same declaration in the same file): that route moved to a new method
 * or path (`changed`, with `previous`). What is left of the base is `removed`. Endpoints are
 * compared as a set: declaring one that the other side already serves changes nothing.
 */
export function diffRouteTables(
  base: readonly RouteEntry[],
  head: readonly RouteEntry[],
  project: string,
): Endpoint[] {
  const unmatchedBase = groupBy(base, keyOf);
  // An endpoint declared twice is still one endpoint: a second declaration (dead code beside its
  // replacement, a handler stacked on the same path) adds or removes nothing the other side lacks.
  const baseKeys = new Set(unmatchedBase.keys());
  const headKeys = new Set(head.map(keyOf));
  const endpoints: Endpoint[] = [];
  const added: RouteEntry[] = [];
  // Routes still declared in their file pair up first: a URL two modules both serve stays with its own file.
  const unmatchedHead: RouteEntry[] = [];
  const counterparts = new Map<RouteEntry, RouteEntry>();
  for (const route of head) {
    const counterpart = takeCounterpart(unmatchedBase.get(keyOf(route)), route, true);
    if (counterpart) counterparts.set(route, counterpart);
    else unmatchedHead.push(route);
  }
  for (const route of unmatchedHead) {
    const counterpart = takeCounterpart(unmatchedBase.get(keyOf(route)), route);
    if (counterpart) counterparts.set(route, counterpart);
  }
  for (const route of head) {
    const counterpart = counterparts.get(route);
    if (!counterpart) {
      if (!baseKeys.has(keyOf(route))) added.push(route);
    } else if (counterpart.signature !== route.signature)
      endpoints.push(toEndpoint(route, 'changed', project));
  }
  const removed = [...unmatchedBase.values()].flat().filter((route) => !headKeys.has(keyOf(route)));
  const removedByIdentity = groupBy(removed, identityOf);
  const paired = new Set<RouteEntry>();
  for (const route of added) {
    const previous = takeCounterpart(removedByIdentity.get(identityOf(route)), route);
    if (!previous) {
      endpoints.push(toEndpoint(route, 'added', project));
      continue;
    }
    paired.add(previous);
    endpoints.push({
      ...toEndpoint(route, 'changed', project),
      previous: { method: previous.method, path: previous.path },
    });
  }
  for (const route of removed) if (!paired.has(route)) endpoints.push(toEndpoint(route, 'removed', project));
  return endpoints;
}
