import type { RouteFramework } from '../../change-analysis.js';
import { createPrefixGraph, type PrefixGraph } from '../prefix-graph.js';
import type { LinkInput } from '../route-family.js';
import { joinRoutePath, type RouteEntry } from '../route-entry.js';
import type { GoFacts, GoMount, GoRoute } from './go-facts.js';
import { createGoPlaceResolver, goNodeOf } from './go-places.js';
import { GO_FRAMEWORK_IMPORTS } from './read-go-facts.js';

type Resolver = ReturnType<typeof createGoPlaceResolver>;

/** The graph nodes a mount's child stands for: a function's parameter for `pass`, a router or group otherwise. */
function childNodes(file: string, mount: GoMount, resolver: Resolver): string[] {
  if (mount.via === 'pass')
    return resolver
      .functionsOf(file, mount.child)
      .map((fn) => goNodeOf({ file: fn.file, kind: 'param', fn: fn.fn, index: mount.argument ?? 0 }));
  return resolver.valuesOf(file, mount.child).map(goNodeOf);
}

function buildGraph(input: LinkInput<GoFacts>, resolver: Resolver): PrefixGraph {
  const graph = createPrefixGraph();
  for (const [file, facts] of input.files) {
    for (const mount of facts.mounts) {
      const children = childNodes(file, mount, resolver);
      if (children.length === 0) continue;
      let parents = resolver.valuesOf(file, mount.parent).map(goNodeOf);
      // A group of a router the project does not show still has its own prefix.
      if (parents.length === 0 && mount.prefix !== '') parents = [`${file}|?|${mount.line}`];
      for (const parent of parents) for (const child of children) graph.mount(parent, child, mount.prefix);
    }
  }
  return graph;
}

const UPPER_CASE: readonly RouteFramework[] = ['gin', 'echo'];
const MIXED_CASE: readonly RouteFramework[] = ['chi', 'fiber', 'gorilla-mux'];

function frameworkFromImport(importPath: string | undefined): RouteFramework | undefined {
  if (importPath === undefined) return undefined;
  return GO_FRAMEWORK_IMPORTS.find(([pattern]) => pattern.test(importPath))?.[1];
}

/** The holder's own framework, else the file's, else the project's that spells methods this way. */
function frameworkOf(route: GoRoute, facts: GoFacts, projectFrameworks: readonly string[]): RouteFramework {
  const own = frameworkFromImport(route.origin);
  if (own) return own;
  const imported = facts.frameworks.find((name) => name !== 'net-http');
  if (imported) return imported;
  const project = projectFrameworks.map((name) => (name === 'github.com/gorilla/mux' ? 'gorilla-mux' : name));
  const styled = route.upperCase ? UPPER_CASE : MIXED_CASE;
  const known = styled.find((name) => project.includes(name));
  if (known) return known;
  if (facts.frameworks.includes('net-http') || /^Handle/.test(route.signature)) return 'net-http';
  return styled[0] ?? 'gin';
}

/**
 * The route table of one Go project side: every route with the prefixes of the groups,
 * mounts and router-receiving functions above it, across the files and packages of the module.
 */
export function linkGoRoutes(input: LinkInput<GoFacts>): RouteEntry[] {
  const resolver = createGoPlaceResolver(input);
  const graph = buildGraph(input, resolver);
  const entries: RouteEntry[] = [];
  for (const [file, facts] of input.files) {
    for (const route of facts.routes) {
      // `Handle("/api/", apiRouter)` mounts a router; it serves no route of its own.
      if (route.served && resolver.valuesOf(file, route.served).length > 0) continue;
      const places = resolver.valuesOf(file, route.holder);
      const prefixes = new Set(
        places.length > 0 ? places.flatMap((place) => graph.prefixesOf(goNodeOf(place))) : [''],
      );
      const framework = frameworkOf(route, facts, input.frameworks);
      const handler = framework === 'echo' ? route.handlerAfterPath : route.handlerLast;
      for (const prefix of prefixes) {
        const entry: RouteEntry = {
          method: route.method,
          path: joinRoutePath(prefix, route.path),
          framework,
          file,
          line: route.line,
          signature: `${route.method} ${route.signature}`,
        };
        if (handler !== undefined) entry.handler = handler;
        entries.push(entry);
      }
    }
  }
  return entries;
}
