import {
  argumentCode,
  argumentText,
  positionalArguments,
  readCallArguments,
  stringArgument,
  type CallArgument,
} from '../source/read-call.js';
import { stringsWithin, type SourceView } from '../source/source-view.js';
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

/** A `path('api/', include('orders.urls'))` of another urls module: the path with its enclosing prefixes, and the module by dotted name or by a reference to an imported module. */
export interface DjangoInclude {
  path: string;
  module?: string;
  reference?: string;
}

interface UrlPatterns {
  routes: RouteDeclaration[];
  includes: DjangoInclude[];
}

function includedModule(view: SourceView, target: CallArgument): DjangoInclude | undefined {
  const read = readCallArguments(view, target.start + argumentCode(view, target).indexOf('('));
  const first = read?.arguments[0];
  if (!first) return undefined;
  const code = argumentCode(view, first);
  // include('orders.urls'), include(('orders.urls', 'orders')), include(orders.urls)
  if (/^\(?\s*['"]/.test(code)) {
    const module = stringsWithin(view, first.start, first.end)[0];
    return module === undefined ? undefined : { path: '', module };
  }
  return /^[\w.]+$/.test(code) ? { path: '', reference: argumentText(view, first) } : undefined;
}

function readUrlPatterns(view: SourceView, outer: string | undefined): UrlPatterns {
  const routes: RouteDeclaration[] = [];
  const includes: DjangoInclude[] = [];
  const ranges: PrefixRange[] = [];
  const routerPrefixes = new Map<string, string>();
  for (const match of view.masked.matchAll(URL_CALL)) {
    const read = readCallArguments(view, match.index + match[0].length - 1);
    const [route, target] = read ? positionalArguments(view, read.arguments) : [];
    const written = stringArgument(view, route);
    if (!read || written === undefined || !target) continue;
    const path = joinRoutePath(outer, prefixAt(ranges, match.index), pathOf(match[1] ?? 'path', written));
    const targetCode = argumentCode(view, target);
    const included = /^include\s*\(\s*(\[)?/.exec(targetCode);
    if (included?.[1]) {
      // include([...]) nests the listed patterns under this one.
      ranges.push({ start: target.start, end: target.end, prefix: pathOf(match[1] ?? 'path', written) });
      continue;
    }
    const routerUrls = /^include\s*\(\s*(\w+)\s*\.\s*urls\b/.exec(targetCode)?.[1];
    if (routerUrls) routerPrefixes.set(routerUrls, path);
    if (included) {
      const module = routerUrls ? undefined : includedModule(view, target);
      if (module) includes.push({ ...module, path });
      continue;
    }
    const handler = handlerOf(targetCode, argumentText(view, target));
    routes.push(
      declareRoute(view, match.index, read.close + 1, { method: 'ANY', path, framework: 'django', handler }),
    );
  }
  return { routes: [...routes, ...readRouterRegistrations(view, routerPrefixes, outer)], includes };
}

/** The other urls modules a Django urls module includes, with the path each is included under. */
export function readDjangoIncludes(view: SourceView): DjangoInclude[] {
  return readUrlPatterns(view, undefined).includes;
}

/** Django REST framework: router.register(r'users', UserViewSet) serves a list and a detail route. */
function readRouterRegistrations(
  view: SourceView,
  prefixes: Map<string, string>,
  outer: string | undefined,
): RouteDeclaration[] {
  const routes: RouteDeclaration[] = [];
  for (const match of view.masked.matchAll(REGISTER)) {
    const read = readCallArguments(view, match.index + match[0].length - 1);
    const [prefixArgument, viewSet] = read ? positionalArguments(view, read.arguments) : [];
    const prefix = stringArgument(view, prefixArgument);
    if (!read || prefix === undefined || !viewSet) continue;
    const base = joinRoutePath(prefixes.get(match[1] ?? '') ?? outer, pathOf('re_path', prefix), '/');
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
  extract: (view, context) => readUrlPatterns(view, context.mounts?.of()?.prefix).routes,
};
