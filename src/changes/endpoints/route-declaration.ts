import type { RouteFramework } from '../change-analysis.js';
import type { CodeSyntax } from '../source/mask-source.js';
import { lineAt, type SourceView } from '../source/source-view.js';

/** A route as one side of a file declares it. */
export interface RouteDeclaration {
  method: string;
  path: string;
  framework: RouteFramework;
  /** First and last file line of the declaration (a decorator, a call spanning lines). */
  line: number;
  endLine: number;
  handler?: string;
  /** The declaration's text with whitespace and trailing `;`/`,` removed: when it differs between sides, the route changed. */
  signature: string;
}

export interface RouteReadContext {
  /** Repository-relative path of the file. */
  path: string;
  /** Canonical framework names discovery found in the owning project. */
  frameworks: string[];
}

/** Reads the routes one framework family declares in a file. */
export interface RouteExtractor {
  /** Which files to read. */
  appliesTo: (path: string) => boolean;
  syntax: CodeSyntax;
  /** A cheap test on the changed lines: can they declare, prefix or mount a route? If not, the file is skipped. */
  mentionsRoutes: RegExp;
  extract: (view: SourceView, context: RouteReadContext) => RouteDeclaration[];
}

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

/** The HTTP methods a route can name. */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT'];

/** A declaration spanning the offsets [start, end) of a view; its signature is that text unless given (routes expanded from one `resources` line each get their own). */
export function declareRoute(
  view: SourceView,
  start: number,
  end: number,
  route: Omit<RouteDeclaration, 'line' | 'endLine' | 'signature'>,
  signature?: string,
): RouteDeclaration {
  const declaration: RouteDeclaration = {
    method: route.method,
    path: route.path,
    framework: route.framework,
    line: lineAt(view, start),
    endLine: lineAt(view, Math.max(start, end - 1)),
    signature:
      signature ??
      view.text
        .slice(start, end)
        .replace(/\s+/g, '')
        .replace(/[;,]+$/, ''),
  };
  // Only set when known, so that results compare equal whether or not a handler was looked for.
  if (route.handler !== undefined) declaration.handler = route.handler;
  return declaration;
}

/**
 * The signature of a declaration that lists several methods, with the method list left
 * out: adding HEAD to `methods=["GET"]` changes the declaration, not the GET route.
 */
export function signatureWithout(
  view: SourceView,
  start: number,
  end: number,
  excluded: { start: number; end: number } | undefined,
): string {
  const text = excluded
    ? view.text.slice(start, excluded.start) + view.text.slice(excluded.end, end)
    : view.text.slice(start, end);
  return text.replace(/\s+/g, '').replace(/[;,]+$/, '');
}
