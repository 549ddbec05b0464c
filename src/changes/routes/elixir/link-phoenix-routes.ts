import type { LinkInput } from '../route-family.js';
import { compactSignature, joinRoutePath, type RouteEntry } from '../route-entry.js';
import { nameOf, type DslCall } from '../routing-dsl.js';
import { isVerb, resourceRoutes, verbRoutes, type PhoenixRoute } from './phoenix-route-calls.js';
import { aliased, bound, innerScope, pipelinesOf, topScope, type PhoenixScope } from './phoenix-scope.js';
import type { PhoenixFacts } from './read-phoenix-facts.js';

/** Forwards between routers nest at most this deep; deeper is a cycle. */
const MAX_DEPTH = 8;

/** What reading a project side's routers shares: the routers by module, the table being filled. */
interface Drawing {
  routers: Map<string, { file: string; facts: PhoenixFacts }>;
  entries: RouteEntry[];
  /** Router files drawn under a `forward` of another router. */
  forwarded: Set<string>;
}

interface Place {
  file: string;
  depth: number;
}

function emit(
  drawing: Drawing,
  place: Place,
  scope: PhoenixScope,
  call: DslCall,
  routes: PhoenixRoute[],
): void {
  // What the declaration says besides its path: what serves it, its options, and what runs before it.
  const guards = compactSignature(
    `host:${scope.host} pipe_through:${scope.pipelines.join(',')} ${scope.session}`,
  );
  for (const route of routes)
    drawing.entries.push({
      method: route.method,
      path: route.path,
      framework: 'phoenix',
      file: place.file,
      line: call.line,
      signature: `${route.handler ?? ''} ${call.signature} ${guards}`,
      ...(route.handler !== undefined ? { handler: route.handler } : {}),
    });
}

/** The project's router a plug names, by its full name or, failing that, by the end of it. */
function routerOf(drawing: Drawing, module: string): { file: string; facts: PhoenixFacts } | undefined {
  const exact = drawing.routers.get(module);
  if (exact) return exact;
  const found = [...drawing.routers].filter(
    ([name]) => name.endsWith(`.${module}`) || module.endsWith(`.${name}`),
  );
  return found.length === 1 ? found[0]?.[1] : undefined;
}

/** `forward "/admin", MyAppWeb.AdminRouter`: the project's router drawn under the path, or any method on the path for another plug. */
function drawForward(drawing: Drawing, place: Place, scope: PhoenixScope, call: DslCall): void {
  const path = nameOf(bound(scope, call.args[0]));
  const plug = aliased(scope, bound(scope, call.args[1]));
  if (path === undefined) return;
  const router = plug !== undefined ? routerOf(drawing, plug) : undefined;
  if (router && router.file !== place.file && place.depth < MAX_DEPTH) {
    drawing.forwarded.add(router.file);
    const inner = topScope(joinRoutePath(scope.path, path), scope.pipelines);
    drawCalls(drawing, { file: router.file, depth: place.depth + 1 }, inner, router.facts.calls);
    return;
  }
  emit(drawing, place, scope, call, [
    {
      method: 'ANY',
      path: joinRoutePath(scope.path, path),
      ...(plug !== undefined ? { handler: plug } : {}),
    },
  ]);
}

/** `for prefix <- ["/", "/repos/:repository"] do … end`: the block once per value. */
function drawFor(drawing: Drawing, place: Place, scope: PhoenixScope, call: DslCall): void {
  const generator = call.args.find((value) => value.kind === 'generator');
  const source = generator?.kind === 'generator' ? bound(scope, generator.source) : undefined;
  if (generator?.kind !== 'generator' || source?.kind !== 'list')
    return drawCalls(drawing, place, scope, call.block ?? []);
  for (const value of source.items) {
    const bindings = new Map(scope.bindings).set(generator.name, value);
    drawCalls(drawing, place, { ...scope, bindings }, call.block ?? []);
  }
}

function drawCalls(drawing: Drawing, place: Place, outer: PhoenixScope, calls: readonly DslCall[]): void {
  let scope = outer;
  for (const call of calls) {
    const block = call.block ?? [];
    if (call.verb === 'pipe_through')
      scope = { ...scope, pipelines: [...scope.pipelines, ...pipelinesOf(call)] };
    else if (call.verb === 'scope') drawCalls(drawing, place, innerScope(scope, call), block);
    else if (call.verb === 'live_session')
      drawCalls(
        drawing,
        place,
        { ...scope, session: `live_session:${nameOf(call.args[0]) ?? ''}(${call.signature})` },
        block,
      );
    else if (call.verb === 'for') drawFor(drawing, place, scope, call);
    else if (call.verb === 'forward') drawForward(drawing, place, scope, call);
    else if (call.verb === 'resources') {
      const { routes, nested } = resourceRoutes(scope, call);
      emit(drawing, place, scope, call, routes);
      drawCalls(drawing, place, { ...scope, path: nested }, block);
    } else if (isVerb(call.verb)) emit(drawing, place, scope, call, verbRoutes(scope, call));
  }
}

/** True for a file whose routes count: a router, or on a side known through the diff alone, a fragment that may be one. */
function isRouter(facts: PhoenixFacts, complete: boolean): boolean {
  return facts.router === true || (facts.router === undefined && !complete);
}

/**
 * The route table of a Phoenix project side: each router read from the top (the endpoint
 * plugs it), with `scope` paths and aliases, `pipe_through`, `live_session`, resources and
 * their nesting, `for` comprehensions over prefixes, and the project's routers that another
 * one forwards to under the forward's path.
 */
export function linkPhoenixRoutes(input: LinkInput<PhoenixFacts>): RouteEntry[] {
  const routers: Drawing['routers'] = new Map();
  const files = [...input.files].filter(([, facts]) => isRouter(facts, input.complete));
  for (const [file, facts] of files) for (const module of facts.modules) routers.set(module, { file, facts });
  const drawing: Drawing = { routers, entries: [], forwarded: new Set() };
  const drawn = drawing.entries;
  // Forwards are found while drawing: a forwarded router's own table is dropped for the one under its forward.
  const tops = new Map<string, RouteEntry[]>();
  for (const [file, facts] of files) {
    const before = drawn.length;
    drawCalls(drawing, { file, depth: 0 }, topScope(), facts.calls);
    tops.set(file, drawn.splice(before));
  }
  for (const [file, entries] of tops) if (!drawing.forwarded.has(file)) drawn.push(...entries);
  // A router forwarded to on one side and by nothing on the other is unplugged there.
  for (const entry of drawn) entry.router = { id: entry.file, mounted: drawing.forwarded.has(entry.file) };
  return drawn;
}
