import type { RouteFramework } from '../change-analysis.js';

/** One route of a project side's route table: its full path, with every prefix that could be found. */
export interface RouteEntry {
  /** Upper-case HTTP method, or `ANY`. */
  method: string;
  /** The full path as the framework declares it (parameters in its syntax). */
  path: string;
  framework: RouteFramework;
  /** The file that declares the route and the declaration's first line on this side. */
  file: string;
  line: number;
  /** The function, controller action or method that serves the route, when the declaration names it. */
  handler?: string;
  /**
   * What the declaration says besides its path (handler, middleware, options), whitespace
   * removed: when it differs between the sides, the route changed even though its URL did not.
   */
  signature: string;
  /**
   * The router the route hangs on, as the family names it, and whether anything mounts that
   * router on this side. A router mounted on one side and on nothing on the other was
   * unplugged: its routes are not served there (see `dropUnpluggedRoutes`).
   */
  router?: { id: string; mounted: boolean };
}

/** The HTTP methods a route can name. */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT'];

/**
 * Joins route path pieces with single slashes and a leading one. A trailing slash the
 * last piece writes is kept (Django and Flask tell `users/` from `users`), but a route
 * declared as `/` under a prefix is the prefix itself.
 */
export function joinRoutePath(...pieces: (string | undefined)[]): string {
  const present = pieces.filter((piece): piece is string => piece !== undefined && piece !== '');
  const joined = `/${present.join('/')}`.replace(/\/{2,}/g, '/');
  const last = present[present.length - 1] ?? '';
  if (joined.length > 1 && joined.endsWith('/') && (last === '/' || !last.endsWith('/')))
    return joined.slice(0, -1);
  return joined;
}

/** Whitespace-free text, for comparing declarations across the two sides. */
export function compactSignature(text: string): string {
  return text.replace(/\s+/g, '').replace(/[;,]+$/, '');
}

/** One route per file, method and path: the same route declared twice in a file (overloads, a copy left behind) is served once. */
export function dedupeRoutes(entries: readonly RouteEntry[]): RouteEntry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = `${entry.file} ${entry.method} ${entry.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
