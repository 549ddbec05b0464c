import type { RouteFramework } from '../../change-analysis.js';
import { createPrefixGraph, type PrefixGraph } from '../prefix-graph.js';
import type { LinkInput } from '../route-family.js';
import { joinRoutePath, type RouteEntry } from '../route-entry.js';
import type { PythonFacts, PythonMount, PythonRoute } from './python-facts.js';
import { createPlaceResolver, type Place, type PlaceResolver } from './python-places.js';
import { createRouterLookup, type KnownRouter } from './python-routers.js';
import { viewMethods, viewSetRoutes } from './python-views.js';

/** The graph node of a place that holds routes; `argument` picks the parameter a function place stands for. */
function nodeOf(place: Place, argument = 0): string | undefined {
  switch (place.kind) {
    case 'router':
      return `${place.file}|r|${place.id}`;
    case 'list':
      return `${place.file}|l|${place.id}`;
    case 'urlconf':
    case 'module':
      return `${place.file}|u`;
    case 'param':
      return `${place.file}|p|${place.fn}|${place.index}`;
    case 'function':
      return `${place.file}|p|${place.fn}|${argument}`;
    default:
      return undefined;
  }
}

/** Where unresolved parents hang: their children keep the prefix they are mounted under. */
const OUTSIDE = '|outside';

interface Linker {
  input: LinkInput<PythonFacts>;
  places: PlaceResolver;
  routers: (place: Place | undefined) => KnownRouter | undefined;
  graph: PrefixGraph;
  mounted: Set<string>;
}

/** A router's own prefix: FastAPI's `APIRouter(prefix=…)`, a blueprint's `url_prefix`. */
function ownPrefixOf(linker: Linker, place: Place | undefined): string {
  const router = linker.routers(place);
  if (!router?.prefix || place?.kind !== 'router') return '';
  return linker.places.text(place.file, router.prefix) ?? '';
}

/**
 * The prefix a mount puts its child under. FastAPI adds the router's own prefix after the
 * one `include_router` gives; Flask's `register_blueprint(url_prefix=…)` replaces the
 * blueprint's (https://flask.palletsprojects.com/en/stable/blueprints/#registering-blueprints).
 */
function mountPrefix(linker: Linker, file: string, mount: PythonMount, child: Place): string {
  if (mount.via === 'pass') return '';
  const given = mount.prefix ? (linker.places.text(file, mount.prefix) ?? '') : undefined;
  if (mount.via === 'mount') return given ?? '';
  if (mount.via === 'register') return given ?? ownPrefixOf(linker, child);
  return joinRoutePath(given, ownPrefixOf(linker, child));
}

function link(linker: Linker, parent: string, child: string, prefix: string): void {
  linker.graph.mount(parent, child, prefix === '/' ? '' : prefix);
  linker.mounted.add(child);
}

function addMounts(linker: Linker, file: string, facts: PythonFacts): void {
  for (const mount of facts.mounts) {
    const child = linker.places.resolve(file, mount.child);
    const childNode = child && nodeOf(child, mount.argument);
    if (!child || childNode === undefined || (mount.via === 'pass') !== (child.kind === 'function')) continue;
    const parent = linker.places.resolve(file, mount.parent);
    const parentNode = (parent && nodeOf(parent)) ?? OUTSIDE;
    link(linker, parentNode, childNode, mountPrefix(linker, file, mount, child));
  }
  for (const part of facts.urlconf) {
    const place = linker.places.resolve(file, part);
    const node = place && nodeOf(place);
    if (node !== undefined) link(linker, `${file}|u`, node, '');
  }
}

/** Every mount of the project side, then each router mounted nowhere under its own prefix. */
function buildGraph(input: LinkInput<PythonFacts>): Linker {
  const places = createPlaceResolver(input);
  const linker: Linker = {
    input,
    places,
    routers: createRouterLookup(input, places),
    graph: createPrefixGraph(),
    mounted: new Set(),
  };
  for (const [file, facts] of input.files) addMounts(linker, file, facts);
  for (const [file, facts] of input.files) {
    for (const id of Object.keys(facts.routers)) {
      const place: Place = { kind: 'router', file, id };
      const node = nodeOf(place);
      const own = ownPrefixOf(linker, place);
      if (node !== undefined && own !== '' && !linker.mounted.has(node)) link(linker, OUTSIDE, node, own);
    }
  }
  return linker;
}

function frameworkOf(
  route: PythonRoute,
  router: KnownRouter | undefined,
  facts: PythonFacts,
  project: readonly string[],
): RouteFramework {
  if (route.framework) return route.framework;
  if (router) return router.kind === 'rest-framework' ? 'django' : router.kind;
  const imported = facts.frameworks.find((name) => name !== 'django');
  if (imported) return imported;
  if (route.hint) return route.hint;
  if (project.includes('fastapi')) return 'fastapi';
  return project.includes('flask') ? 'flask' : 'fastapi';
}

/** The paths one declaration serves below its prefixes, with their methods: a REST framework registration serves several. */
function pathsOf(
  linker: Linker,
  file: string,
  route: PythonRoute,
  router: KnownRouter | undefined,
): { path: string; methods: string[] }[] {
  const path = linker.places.text(file, route.path);
  if (path === undefined) return [];
  const view = route.view && linker.places.resolve(file, route.view);
  if (route.viewSet) {
    const slash = router?.noTrailingSlash ? '' : '/';
    return viewSetRoutes(linker.input, linker.places, view, slash).map((served) => ({
      path: `${path}${served.suffix}`,
      methods: served.methods,
    }));
  }
  if (route.methods.length > 0) return [{ path, methods: route.methods }];
  const methods = viewMethods(linker.input, linker.places, view);
  return [{ path, methods: methods.length > 0 ? methods : ['ANY'] }];
}

function entriesOf(linker: Linker, file: string, facts: PythonFacts, route: PythonRoute): RouteEntry[] {
  const holder = linker.places.resolve(file, route.holder);
  const router = linker.routers(holder);
  // `x.register(…)` is a REST framework registration only on one of its routers.
  if (route.viewSet && holder && router?.kind !== 'rest-framework') return [];
  const node = holder && nodeOf(holder);
  const prefixes = node === undefined ? [''] : linker.graph.prefixesOf(node);
  const framework = frameworkOf(route, router, facts, linker.input.frameworks);
  const entries: RouteEntry[] = [];
  for (const { path, methods } of pathsOf(linker, file, route, router)) {
    for (const prefix of prefixes) {
      for (const method of methods) {
        const entry: RouteEntry = {
          method,
          path: joinRoutePath(prefix, path),
          framework,
          file,
          line: route.line,
          signature: route.signature,
        };
        if (route.handler !== undefined) entry.handler = route.handler;
        entries.push(entry);
      }
    }
  }
  return entries;
}

/**
 * The route table of one Python project side: FastAPI and Flask routes under the prefixes
 * of every `include_router`, `register_blueprint` and `mount` above them, and Django
 * patterns under every `include()` chain, wherever those are written.
 */
export function linkPythonRoutes(input: LinkInput<PythonFacts>): RouteEntry[] {
  const linker = buildGraph(input);
  const entries: RouteEntry[] = [];
  for (const [file, facts] of input.files)
    for (const route of facts.routes) entries.push(...entriesOf(linker, file, facts, route));
  return entries;
}
