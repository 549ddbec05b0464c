import type { RouteFramework } from '../../change-analysis.js';
import { createPrefixGraph, type PrefixGraph } from '../prefix-graph.js';
import type { LinkInput } from '../route-family.js';
import { joinRoutePath, type RouteEntry } from '../route-entry.js';
import { createRustCrates } from './rust-crates.js';
import type { RustBuilder, RustFacts, RustMount, RustRef } from './rust-facts.js';
import { attributeNode, builderNode, createRustPlaces, paramNode } from './rust-places.js';

type Places = ReturnType<typeof createRustPlaces>;

/** The graph nodes a mount attaches: a builder's attach point, a function's parameter or attribute routes, a closure's parameter. */
function childNodes(file: string, mount: RustMount, places: Places): string[] {
  const { child } = mount;
  if (child.kind === 'closure')
    return [paramNode(file, child.fn, mount.via === 'pass' ? (mount.index ?? 0) : 0)];
  if (child.kind !== 'fn') return mount.via === 'pass' ? [] : places.nodesOf(file, child, true);
  const targets = places.functionsAt(file, child.path);
  if (mount.via === 'service' || mount.via === 'mount')
    return targets.map((target) => attributeNode(target.file, target.fn.name));
  const index = mount.via === 'pass' ? (mount.index ?? 0) : 0;
  return targets.map((target) => paramNode(target.file, target.fn.id, index));
}

function buildGraph(files: ReadonlyMap<string, RustFacts>, places: Places): PrefixGraph {
  const graph = createPrefixGraph();
  for (const [file, facts] of files) {
    // A scope or resource serves its routes under its own path wherever it is attached.
    for (const [id, builder] of Object.entries(facts.builders))
      graph.mount(builderNode(file, id, true), builderNode(file, id), builder.prefix ?? '');
    for (const mount of facts.mounts) {
      const children = childNodes(file, mount, places);
      if (children.length === 0) continue;
      for (const parent of places.nodesOf(file, mount.parent))
        for (const child of children) graph.mount(parent, child, mount.prefix);
    }
  }
  return graph;
}

const BUILT_BY: Readonly<Record<RustBuilder['kind'], RouteFramework>> = {
  app: 'actix-web',
  scope: 'actix-web',
  resource: 'actix-web',
  router: 'axum',
  rocket: 'rocket',
};

/**
 * The framework of the builder a route hangs on, else the file's, else the project's; among
 * several, the one whose style the declaration has (attributes are Actix's or Rocket's).
 */
function frameworkOf(
  facts: RustFacts,
  projectFrameworks: readonly string[],
  attribute: boolean,
  holder?: RustRef,
): RouteFramework {
  const built = holder?.kind === 'builder' ? facts.builders[holder.id]?.kind : undefined;
  if (built) return BUILT_BY[built];
  const styled = (names: readonly string[]) =>
    (['actix-web', 'axum', 'rocket'] as const).find(
      (name) => names.includes(name) && (attribute ? name !== 'axum' : name !== 'rocket'),
    );
  return styled(facts.frameworks) ?? styled(projectFrameworks) ?? (attribute ? 'actix-web' : 'axum');
}

/**
 * The router a route hangs on, named so both sides name it alike (no offsets): a function's
 * parameter, the builder a function returns, a function's attribute routes. Routes of one that
 * one side mounts and the other does not are not served there (see `dropUnpluggedRoutes`).
 */
function routerOf(file: string, facts: RustFacts, holder: RustRef, graph: PrefixGraph): RouteEntry['router'] {
  if (holder.kind === 'param') {
    const name = facts.functions.find((fn) => fn.id === holder.fn)?.name;
    const node = paramNode(file, holder.fn, holder.index);
    return name === undefined
      ? undefined
      : { id: `${file}|p|${name}|${holder.index}`, mounted: graph.isMounted(node) };
  }
  if (holder.kind !== 'builder') return undefined;
  const owner = facts.functions.find((fn) =>
    fn.returns.some((returned) => returned.kind === 'builder' && returned.id === holder.id),
  );
  const node = builderNode(file, holder.id, true);
  return owner ? { id: `${file}|r|${owner.name}`, mounted: graph.isMounted(node) } : undefined;
}

type Linked = Omit<RouteEntry, 'path'> & { paths: Iterable<string> };

function entriesOf(linked: Linked): RouteEntry[] {
  const { paths, router, ...entry } = linked;
  return [...new Set(paths)].map((path) => ({ ...entry, path, ...(router ? { router } : {}) }));
}

/**
 * The route table of one Rust project side: Actix Web, Axum and Rocket routes under every
 * scope, nest, merge, configure, service and mount above them, across modules and crates.
 */
export function linkRustRoutes(input: LinkInput<RustFacts>): RouteEntry[] {
  const crates = createRustCrates(input.read);
  for (const file of input.files.keys()) crates.crateOf(file);
  const places = createRustPlaces(input.files, crates);
  const graph = buildGraph(input.files, places);
  // A file that names no framework (handlers of a Rocket app) takes the one the project or its other files name.
  const projectFrameworks = [
    ...input.frameworks,
    ...[...input.files.values()].flatMap((facts) => facts.frameworks),
  ];
  const entries: RouteEntry[] = [];
  for (const [file, facts] of input.files) {
    for (const route of facts.routes) {
      const holders = places.nodesOf(file, route.holder);
      const prefixes = holders.length > 0 ? holders.flatMap((node) => graph.prefixesOf(node)) : [''];
      entries.push(
        ...entriesOf({
          method: route.method,
          paths: prefixes.map((prefix) => joinRoutePath(prefix, route.path)),
          framework: frameworkOf(facts, projectFrameworks, false, route.holder),
          file,
          line: route.line,
          ...(route.handler ? { handler: route.handler } : {}),
          signature: route.signature,
          router: routerOf(file, facts, route.holder, graph),
        }),
      );
    }
    for (const route of facts.attributes) {
      const node = attributeNode(file, route.fn);
      entries.push(
        ...entriesOf({
          method: route.method,
          paths: graph.prefixesOf(node).map((prefix) => joinRoutePath(prefix, route.path)),
          framework: frameworkOf(facts, projectFrameworks, true),
          file,
          line: route.line,
          handler: route.fn,
          signature: route.signature,
          router: { id: node, mounted: graph.isMounted(node) },
        }),
      );
    }
  }
  return entries;
}
