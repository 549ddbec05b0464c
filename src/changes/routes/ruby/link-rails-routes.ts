import path from 'node:path';
import type { LinkInput } from '../route-family.js';
import { joinRoutePath, type RouteEntry } from '../route-entry.js';
import { nameOf, type DslCall } from '../routing-dsl.js';
import type { RailsFacts } from './read-rails-facts.js';
import {
  isTrue,
  resourceNames,
  resourcePlaces,
  resourceRoutes,
  type ResourceRoute,
} from './rails-resources.js';
import { controllerScope, namespaceScope, pathScope, topScope, type RailsScope } from './rails-scope.js';
import { rootRoute, verbRoutes } from './rails-verb-routes.js';
import { drawFilePath, engineDrawn, engineOf, isRoutesRoot, mountOf } from './rails-files.js';

/** Draw files and engines nest at most this deep; deeper is a cycle. */
const MAX_DEPTH = 16;
const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'match']);

/** What one interpretation of a routes tree shares: the files, the concerns, the table being filled. */
interface Drawing {
  files: ReadonlyMap<string, RailsFacts>;
  /** Engines' route blocks by class name (`Admin::Engine`), with the file that draws them. */
  engines: Map<string, { file: string; calls: DslCall[] }>;
  apiOnly: boolean;
  concerns: Map<string, { file: string; calls: DslCall[] }>;
  entries: RouteEntry[];
  /** Draw files reached from a routes root. */
  drawn: Set<string>;
  /** Engine route files drawn under a mount. */
  mounted: Set<string>;
}

/** Where calls are read: the file, its `config/routes/` folder, and how deep the draws go. */
interface Place {
  file: string;
  drawDir: string;
  depth: number;
}

function emit(drawing: Drawing, place: Place, call: DslCall, routes: ResourceRoute[]): void {
  for (const route of routes) {
    const entry: RouteEntry = {
      method: route.method,
      path: route.path,
      framework: 'rails',
      file: place.file,
      line: call.line,
      // What the declaration says besides the path: the action it routes to and its other options.
      signature: `${route.handler} ${call.signature}`,
    };
    if (route.handler !== '') entry.handler = route.handler;
    drawing.entries.push(entry);
  }
}

function drawResources(drawing: Drawing, place: Place, scope: RailsScope, call: DslCall): void {
  for (const name of resourceNames(call)) {
    const places = resourcePlaces(scope, call, name);
    emit(drawing, place, call, resourceRoutes(call, places, drawing.apiOnly));
    const inner: RailsScope = {
      ...scope,
      path: places.nested,
      controller: places.controller,
      action: undefined,
      resource: { member: places.member, collection: places.collection, newPath: places.newPath },
      shallow: scope.shallow || isTrue(call.options.shallow),
      resourceDepth: scope.resourceDepth + 1,
    };
    drawCalls(drawing, place, inner, call.block ?? []);
    for (const concern of [call.options.concerns].flatMap((value) => (value ? namesOfConcerns(value) : [])))
      drawConcern(drawing, place, inner, concern);
  }
}

function namesOfConcerns(value: NonNullable<DslCall['options'][string]>): string[] {
  if (value.kind === 'list')
    return value.items.map(nameOf).filter((name): name is string => name !== undefined);
  const name = nameOf(value);
  return name === undefined ? [] : [name];
}

function drawConcern(drawing: Drawing, place: Place, scope: RailsScope, name: string): void {
  const concern = drawing.concerns.get(name);
  if (!concern || place.depth > MAX_DEPTH) return;
  drawCalls(drawing, { ...place, file: concern.file, depth: place.depth + 1 }, scope, concern.calls);
}

/** `draw(:admin)`: `config/routes/admin.rb` read where the call is. */
function drawFile(drawing: Drawing, place: Place, scope: RailsScope, call: DslCall): void {
  const name = nameOf(call.args[0]);
  if (name === undefined || place.depth > MAX_DEPTH) return;
  const file = drawFilePath(place.drawDir, name);
  const facts = drawing.files.get(file);
  drawing.drawn.add(file);
  if (facts) drawCalls(drawing, { ...place, file, depth: place.depth + 1 }, scope, facts.calls);
}

/** `mount Admin::Engine, at: '/admin'`: the engine's own routes under the mount's path, when the project has them. */
function drawMount(drawing: Drawing, place: Place, scope: RailsScope, call: DslCall): void {
  const mount = mountOf(call);
  const engine = mount && engineOf(drawing.engines, mount.target);
  if (!mount || !engine || place.depth > MAX_DEPTH) return;
  drawing.mounted.add(engine.file);
  const inner = topScope(joinRoutePath(scope.path, mount.at));
  const drawDir = path.posix.join(path.posix.dirname(engine.file), 'routes');
  drawCalls(drawing, { file: engine.file, drawDir, depth: place.depth + 1 }, inner, engine.calls);
}

function drawCall(drawing: Drawing, place: Place, scope: RailsScope, call: DslCall): void {
  const block = call.block ?? [];
  switch (call.verb) {
    case 'resources':
    case 'resource':
      return drawResources(drawing, place, scope, call);
    case 'namespace':
      return drawCalls(drawing, place, namespaceScope(scope, call), block);
    case 'scope':
      return drawCalls(drawing, place, pathScope(scope, call), block);
    case 'controller':
      return drawCalls(drawing, place, controllerScope(scope, call), block);
    case 'member':
      return drawCalls(drawing, place, { ...scope, path: scope.resource?.member ?? scope.path }, block);
    case 'collection':
      return drawCalls(drawing, place, { ...scope, path: scope.resource?.collection ?? scope.path }, block);
    case 'new':
      return drawCalls(drawing, place, { ...scope, path: scope.resource?.newPath ?? scope.path }, block);
    case 'shallow':
      return drawCalls(drawing, place, { ...scope, shallow: true }, block);
    case 'concern': {
      const name = nameOf(call.args[0]);
      if (name !== undefined && call.block)
        drawing.concerns.set(name, { file: place.file, calls: call.block });
      return;
    }
    case 'concerns':
      for (const value of call.args)
        for (const name of namesOfConcerns(value)) drawConcern(drawing, place, scope, name);
      return;
    case 'draw':
      return call.block
        ? drawCalls(drawing, place, scope, call.block)
        : drawFile(drawing, place, scope, call);
    case 'mount':
      return drawMount(drawing, place, scope, call);
    case 'root':
      return emit(drawing, place, call, [rootRoute(scope, call)]);
    default:
      if (VERBS.has(call.verb)) emit(drawing, place, call, verbRoutes(scope, call));
      // Blocks of other calls (`nested`, `constraints`, `defaults`, `devise_scope`) keep the scope.
      else drawCalls(drawing, place, scope, block);
  }
}

function drawCalls(drawing: Drawing, place: Place, scope: RailsScope, calls: readonly DslCall[]): void {
  for (const call of calls) drawCall(drawing, place, scope, call);
}

/** True when `config/application.rb` says `config.api_only = true`: resources then draw no `new` and `edit`. */
function isApiOnly(input: LinkInput<RailsFacts>, roots: readonly string[]): boolean {
  return roots.some((root) => {
    const text = input.read(path.posix.join(path.posix.dirname(root), 'application.rb'));
    return text !== undefined && /^\s*config\.api_only\s*=\s*true\b/m.test(text);
  });
}

function rootPlace(root: string): Place {
  return { file: root, drawDir: path.posix.join(path.posix.dirname(root), 'routes'), depth: 0 };
}

/** Engines the roots draw routes for, by class name. */
function findEngines(input: LinkInput<RailsFacts>, roots: readonly string[]): Drawing['engines'] {
  const engines: Drawing['engines'] = new Map();
  for (const root of roots)
    for (const call of input.files.get(root)?.calls ?? []) {
      const engine = engineDrawn(call);
      if (engine !== undefined) engines.set(engine, { file: root, calls: call.block ?? [] });
    }
  return engines;
}

/**
 * The route table of a Rails project side: each `config/routes.rb` read from the top, with
 * the files it draws (`draw(:admin)` → `config/routes/admin.rb`) where it draws them, concerns
 * where they are used, and the project's engines under the path they are mounted at (an
 * engine mounted nowhere on this side is read from the top).
 */
export function linkRailsRoutes(input: LinkInput<RailsFacts>): RouteEntry[] {
  const roots = [...input.files.keys()].filter(isRoutesRoot);
  const engines = findEngines(input, roots);
  const engineFiles = new Set([...engines.values()].map((engine) => engine.file));
  const drawing: Drawing = {
    files: input.files,
    engines,
    apiOnly: isApiOnly(input, roots),
    concerns: new Map(),
    entries: [],
    drawn: new Set(),
    mounted: new Set(),
  };
  for (const root of roots.filter((file) => !engineFiles.has(file)))
    drawCalls(drawing, rootPlace(root), topScope(), input.files.get(root)?.calls ?? []);
  for (const root of roots.filter((file) => engineFiles.has(file) && !drawing.mounted.has(file)))
    drawCalls(drawing, rootPlace(root), topScope(), input.files.get(root)?.calls ?? []);
  // Rails reads a file of `config/routes/` only where it is drawn; with the diff alone, the drawing file may be unknown.
  for (const [file, facts] of input.files) {
    if (isRoutesRoot(file) || drawing.drawn.has(file)) continue;
    if (
      input.complete &&
      roots.some((root) => file.startsWith(path.posix.join(path.posix.dirname(root), 'routes/')))
    )
      continue;
    drawCalls(drawing, { file, drawDir: path.posix.dirname(file), depth: 0 }, topScope(), facts.calls);
  }
  // An engine mounted on one side and nowhere on the other is unplugged there.
  for (const entry of drawing.entries)
    if (engineFiles.has(entry.file))
      entry.router = { id: entry.file, mounted: drawing.mounted.has(entry.file) };
  return drawing.entries;
}
