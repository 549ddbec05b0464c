import type { Endpoint } from '../change-analysis.js';
import type { FileChange } from '../../code/file-change.js';
import { createSourceView, type SourceView } from '../source/source-view.js';
import type { RouteDeclaration, RouteExtractor, RouteReadContext } from './route-declaration.js';
import { ROUTE_EXTRACTORS } from './route-extractors.js';

const keyOf = (route: RouteDeclaration): string => `${route.method} ${route.path}`;

function toEndpoint(route: RouteDeclaration, change: Endpoint['change'], change_: FileChange): Endpoint {
  const endpoint: Endpoint = {
    method: route.method,
    path: route.path,
    change,
    framework: route.framework,
    file: change_.file.path,
    line: route.line,
    project: change_.project,
  };
  if (route.handler !== undefined) endpoint.handler = route.handler;
  return endpoint;
}

/**
 * Compares the routes of a file's two sides. Same method and path on both sides: changed
 * if its declaration (or handler) was edited, else untouched. Only in the new side: added,
 * unless a removed route had the same handler (then changed, with `previous`). Only in
 * the old side: removed.
 */
export function compareRoutes(
  oldRoutes: RouteDeclaration[],
  newRoutes: RouteDeclaration[],
  change: FileChange,
): Endpoint[] {
  const unmatchedOld = groupBy(oldRoutes, keyOf);
  const endpoints: Endpoint[] = [];
  const addedRoutes: RouteDeclaration[] = [];
  for (const route of newRoutes) {
    const counterpart = unmatchedOld.get(keyOf(route))?.shift();
    if (!counterpart) addedRoutes.push(route);
    else if (counterpart.signature !== route.signature || counterpart.handler !== route.handler) {
      endpoints.push(toEndpoint(route, 'changed', change));
    }
  }
  const removedRoutes = [...unmatchedOld.values()].flat();
  return [...endpoints, ...pairMovedRoutes(addedRoutes, removedRoutes, change)];
}

/** A removed and an added route with the same handler are one route whose method or path moved. */
function pairMovedRoutes(
  addedRoutes: RouteDeclaration[],
  removedRoutes: RouteDeclaration[],
  change: FileChange,
): Endpoint[] {
  const endpoints: Endpoint[] = [];
  const removedByHandler = groupBy(
    removedRoutes.filter((route) => route.handler !== undefined),
    (route) => `${route.framework} ${route.handler ?? ''}`,
  );
  const paired = new Set<RouteDeclaration>();
  for (const route of addedRoutes) {
    const previous =
      route.handler === undefined
        ? undefined
        : removedByHandler.get(`${route.framework} ${route.handler}`)?.shift();
    if (!previous) {
      endpoints.push(toEndpoint(route, 'added', change));
      continue;
    }
    paired.add(previous);
    endpoints.push({
      ...toEndpoint(route, 'changed', change),
      previous: { method: previous.method, path: previous.path },
    });
  }
  for (const route of removedRoutes)
    if (!paired.has(route)) endpoints.push(toEndpoint(route, 'removed', change));
  return endpoints;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

type ViewCache = Map<string, SourceView>;

function readRoutes(
  extractor: RouteExtractor,
  change: FileChange,
  side: 'old' | 'new',
  context: Omit<RouteReadContext, 'path'>,
  views: ViewCache,
): RouteDeclaration[] {
  const { lines, complete } = side === 'new' ? change.newSide() : change.oldSide();
  if (lines.length === 0) return [];
  // Extractors of one language share the masked text of a side.
  const key = `${side} ${extractor.syntax}`;
  const view = views.get(key) ?? createSourceView(lines, extractor.syntax, complete);
  views.set(key, view);
  const path = side === 'old' ? (change.file.previousPath ?? change.file.path) : change.file.path;
  return extractor.extract(view, { ...context, path });
}

/**
 * The endpoints one changed file adds, changes or removes, by every route extractor that
 * reads it.
 */
export function extractEndpoints(change: FileChange, frameworks: string[]): Endpoint[] {
  const extractors = ROUTE_EXTRACTORS.filter((extractor) => extractor.appliesTo(change.file.path));
  if (extractors.length === 0) return [];
  const changedText = [...change.added, ...change.removed].map((line) => line.text).join('\n');
  const endpoints: Endpoint[] = [];
  const views: ViewCache = new Map();
  for (const extractor of extractors) {
    if (!extractor.mentionsRoutes.test(changedText)) continue;
    const context = { frameworks };
    const oldRoutes = readRoutes(extractor, change, 'old', context, views);
    const newRoutes = readRoutes(extractor, change, 'new', context, views);
    endpoints.push(...compareRoutes(oldRoutes, newRoutes, change));
  }
  return endpoints.sort((a, b) => a.line - b.line || a.change.localeCompare(b.change));
}
