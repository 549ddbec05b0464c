import { readCallArguments, stringArgument } from '../source/read-call.js';
import { findClosingBracket } from '../source/read-call.js';
import type { SourceView } from '../source/source-view.js';
import { joinRoutePath } from './route-declaration.js';

/** Route prefixes of a Go file: group variables and chi's `Route` closures. */
export interface GoRouteScopes {
  routers: Set<string>;
  /** The prefix for a route declared on `receiver` at `offset`. */
  prefixAt: (receiver: string, offset: number) => string | undefined;
}

const GROUP = /(\w+)\s*:?=\s*(\w+)\s*\.\s*(Group|PathPrefix|Route)\s*\(/g;
const ROUTE_CLOSURE = /(\w+)\s*\.\s*Route\s*\(/g;
const ROUTER_CREATION =
  /(\w+)\s*:?=\s*(?:gin\.(?:New|Default)|echo\.New|chi\.NewRouter|chi\.NewMux|fiber\.New|mux\.NewRouter|http\.NewServeMux)\s*\(/g;

interface ClosureScope {
  start: number;
  end: number;
  receiver: string;
  prefix: string;
  parent: string;
}

function readGroups(view: SourceView, groups: Map<string, { parent: string; prefix: string }>): void {
  for (const match of view.masked.matchAll(GROUP)) {
    const [call, name = '', parent = ''] = match;
    const read = readCallArguments(view, match.index + call.length - 1);
    const prefix = stringArgument(view, read?.arguments[0]);
    if (prefix !== undefined && !groups.has(name)) groups.set(name, { parent, prefix });
  }
}

/** chi: r.Route("/users", func(r chi.Router) { r.Get("/", list) }) prefixes every route on `r` inside the closure. */
function readClosures(view: SourceView): ClosureScope[] {
  const scopes: ClosureScope[] = [];
  for (const match of view.masked.matchAll(ROUTE_CLOSURE)) {
    const read = readCallArguments(view, match.index + match[0].length - 1);
    const prefix = stringArgument(view, read?.arguments[0]);
    const closure = read?.arguments[1];
    if (prefix === undefined || !closure) continue;
    const parameter = /^func\s*\(\s*(\w+)/.exec(view.masked.slice(closure.start, closure.end))?.[1];
    const body = view.masked.indexOf('{', closure.start);
    if (!parameter || body === -1 || body > closure.end) continue;
    const end = findClosingBracket(view, body);
    scopes.push({
      start: body,
      end: end === -1 ? closure.end : end,
      receiver: parameter,
      prefix,
      parent: match[1] ?? '',
    });
  }
  return scopes;
}

/** Finds group variables (`v1 := r.Group("/v1")`, `s := r.PathPrefix("/api").Subrouter()`) and chi `Route` closures. */
export function findGoRouteScopes(view: SourceView): GoRouteScopes {
  const groups = new Map<string, { parent: string; prefix: string }>();
  readGroups(view, groups);
  const closures = readClosures(view);
  const routers = new Set([
    ...groups.keys(),
    ...[...view.masked.matchAll(ROUTER_CREATION)].map((match) => match[1] ?? ''),
  ]);
  const groupPrefix = (name: string, depth = 0): string | undefined => {
    const group = groups.get(name);
    if (!group) return undefined;
    return joinRoutePath(depth < 10 ? groupPrefix(group.parent, depth + 1) : undefined, group.prefix);
  };
  const closurePrefix = (receiver: string, offset: number): string | undefined => {
    const enclosing = closures.filter((scope) => scope.start < offset && offset < scope.end);
    if (enclosing.length === 0) return groupPrefix(receiver);
    const pieces = enclosing.map((scope) => scope.prefix);
    const outermost = enclosing[0];
    return joinRoutePath(outermost ? groupPrefix(outermost.parent) : undefined, ...pieces);
  };
  return { routers, prefixAt: (receiver, offset) => closurePrefix(receiver, offset) };
}
