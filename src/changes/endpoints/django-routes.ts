import {
  argumentCode,
  argumentText,
  positionalArguments,
  readCallArguments,
  stringArgument,
} from '../source/read-call.js';
import type { SourceView } from '../source/source-view.js';
import {
  declareRoute,
  joinRoutePath,
  type RouteDeclaration,
  type RouteExtractor,
} from './route-declaration.js';

const URL_CALL = /(?<![\w.])(path|re_path|url)\s*\(/g;
const REGISTER = /(\w+)\s*\.\s*register\s*\(/g;

interface PrefixRange {
  start: number;
  end: number;
  prefix: string;
}

/** `^users/(?P<pk>\d+)/$` reads as `users/(?P<pk>\d+)/`: the anchors add nothing to a path. */
function pathOf(kind: string, written: string): string {
  return kind === 'path' ? written : written.replace(/^\^/, '').replace(/\$$/, '');
}

function handlerOf(code: string, text: string): string | undefined {
  if (/^[\w.]+$/.test(code)) return text;
  return /^([\w.]+)\s*\.\s*as_view\s*\(/.exec(code)?.[1];
}

function prefixAt(ranges: PrefixRange[], offset: number): string | undefined {
  const enclosing = ranges
    .filter((range) => range.start < offset && offset < range.end)
    .map((range) => range.prefix);
  return enclosing.length > 0 ? joinRoutePath(...enclosing) : undefined;
}

function readRoutes(view: SourceView): RouteDeclaration[] {
  const routes: RouteDeclaration[] = [];
  const ranges: PrefixRange[] = [];
  const routerPrefixes = new Map<string, string>();
  for (const match of view.masked.matchAll(URL_CALL)) {
    const read = readCallArguments(view, match.index + match[0].length - 1);
    const [route, target] = read ? positionalArguments(view, read.arguments) : [];
    const written = stringArgument(view, route);
    if (!read || written === undefined || !target) continue;
    const path = joinRoutePath(prefixAt(ranges, match.index), pathOf(match[1] ?? 'path', written));
    const targetCode = argumentCode(view, target);
    const included = /^include\s*\(\s*(\[)?/.exec(targetCode);
    if (included?.[1]) {
      // include([...]) nests the listed patterns under this one.
      ranges.push({ start: target.start, end: target.end, prefix: path });
      continue;
    }
    const routerUrls = /^include\s*\(\s*(\w+)\s*\.\s*urls\b/.exec(targetCode)?.[1];
    if (routerUrls) routerPrefixes.set(routerUrls, path);
    if (included) continue;
    const handler = handlerOf(targetCode, argumentText(view, target));
    routes.push(
      declareRoute(view, match.index, read.close + 1, { method: 'ANY', path, framework: 'django', handler }),
    );
  }
  return [...routes, ...readRouterRegistrations(view, routerPrefixes)];
}

/** Django REST framework: router.register(r'users', UserViewSet) serves a list and a detail route. */
function readRouterRegistrations(view: SourceView, prefixes: Map<string, string>): RouteDeclaration[] {
  const routes: RouteDeclaration[] = [];
  for (const match of view.masked.matchAll(REGISTER)) {
    const read = readCallArguments(view, match.index + match[0].length - 1);
    const [prefixArgument, viewSet] = read ? positionalArguments(view, read.arguments) : [];
    const prefix = stringArgument(view, prefixArgument);
    if (!read || prefix === undefined || !viewSet) continue;
    const base = joinRoutePath(prefixes.get(match[1] ?? ''), pathOf('re_path', prefix), '/');
    const handler = argumentText(view, viewSet);
    for (const path of [`${base}/`, `${base}/{pk}/`]) {
      routes.push(
        declareRoute(view, match.index, read.close + 1, {
          method: 'ANY',
          path,
          framework: 'django',
          handler,
        }),
      );
    }
  }
  return routes;
}

/** Django `urls.py`: `path`, `re_path`, `url`, nested `include([...])` lists and REST framework router registrations; every method (`ANY`). */
export const djangoRoutes: RouteExtractor = {
  appliesTo: (path) => /(^|\/)urls(\.py|\/[^/]+\.py)$/.test(path),
  syntax: 'python',
  mentionsRoutes: /\b(path|re_path|url|register|include)\s*\(/,
  extract: (view) => readRoutes(view),
};
