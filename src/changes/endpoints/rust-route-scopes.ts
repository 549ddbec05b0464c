import { argumentCode, readCallArguments, stringArgument } from '../source/read-call.js';
import { findClosingBracket } from '../source/read-call.js';
import type { SourceView } from '../source/source-view.js';
import { joinRoutePath } from './route-declaration.js';

/** Route prefixes of a Rust file. */
export interface RustRouteScopes {
  /** The prefix of a route declared at `offset`: inside a `web::scope(...)` chain, a `.nest("/p", …)` argument, or a function nested somewhere. */
  prefixAt: (offset: number) => string | undefined;
  /** The prefix of an attribute-routed function served under a scope or mount (`.service(show)`, `routes![show]`). */
  servicePrefix: (handler: string) => string | undefined;
}

interface Range {
  start: number;
  end: number;
  prefix: string;
}

const SCOPE = /\bweb::scope\s*\(/g;
const NEST = /\.\s*nest\s*\(/g;
const MOUNT = /\.\s*mount\s*\(/g;

/** The end of a method chain starting with the call opening at `open`: `web::scope("/a").service(x).route(...)`. */
function chainEnd(view: SourceView, open: number): number {
  let close = findClosingBracket(view, open);
  while (close !== -1) {
    const next = /^\s*\.\s*\w+\s*(?:::<[^>]*>)?\s*\(/.exec(view.masked.slice(close + 1, close + 200));
    if (!next) return close;
    const following = findClosingBracket(view, close + next[0].length);
    if (following === -1) return close;
    close = following;
  }
  return open;
}

function functionBody(view: SourceView, name: string): { start: number; end: number } | undefined {
  const declaration = new RegExp(`\\bfn\\s+${name}\\b[^{;]*\\{`).exec(view.masked);
  if (!declaration) return undefined;
  const open = declaration.index + declaration[0].length - 1;
  const end = findClosingBracket(view, open);
  return end === -1 ? undefined : { start: open, end };
}

function readRanges(view: SourceView, ranges: Range[], served: Map<string, string>): void {
  for (const match of view.masked.matchAll(SCOPE)) {
    const open = match.index + match[0].length - 1;
    const prefix = stringArgument(view, readCallArguments(view, open)?.arguments[0]);
    if (prefix === undefined) continue;
    const end = chainEnd(view, open);
    ranges.push({ start: match.index, end, prefix });
    for (const service of view.masked.slice(match.index, end + 1).matchAll(/\.\s*service\s*\(\s*(\w+)\s*\)/g))
      served.set(service[1] ?? '', prefix);
  }
  for (const match of view.masked.matchAll(NEST)) {
    const read = readCallArguments(view, match.index + match[0].length - 1);
    const prefix = stringArgument(view, read?.arguments[0]);
    const router = read?.arguments[1];
    if (prefix === undefined || !router) continue;
    ranges.push({ start: router.start, end: router.end, prefix });
    // .nest("/api", api_routes()) nests the router another function of this file builds.
    const builder = /^(\w+)\s*(?:\(\s*\))?$/.exec(argumentCode(view, router))?.[1];
    const body = builder ? functionBody(view, builder) : undefined;
    if (body) ranges.push({ ...body, prefix });
  }
  for (const match of view.masked.matchAll(MOUNT)) {
    const read = readCallArguments(view, match.index + match[0].length - 1);
    const prefix = stringArgument(view, read?.arguments[0]);
    const list = read?.arguments[1] ? argumentCode(view, read.arguments[1]) : '';
    const names = /routes!\s*\[([^\]]*)\]/.exec(list)?.[1] ?? '';
    for (const name of names.split(','))
      if (prefix !== undefined && name.trim()) served.set(name.trim().split('::').pop() ?? '', prefix);
  }
}

/** Finds Actix scopes, Axum nests and Rocket mounts in one file. */
export function findRustRouteScopes(view: SourceView): RustRouteScopes {
  const ranges: Range[] = [];
  const served = new Map<string, string>();
  readRanges(view, ranges, served);
  ranges.sort((a, b) => a.start - b.start);
  return {
    prefixAt(offset) {
      const enclosing = ranges
        .filter((range) => range.start < offset && offset < range.end)
        .map((range) => range.prefix);
      return enclosing.length > 0 ? joinRoutePath(...enclosing) : undefined;
    },
    servicePrefix: (handler) => served.get(handler),
  };
}
