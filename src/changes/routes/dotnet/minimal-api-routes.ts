import { createPrefixGraph, type PrefixGraph } from '../prefix-graph.js';
import { joinRoutePath, type RouteEntry } from '../route-entry.js';
import { literalOf, type StringExpression } from '../string-expression.js';
import type { BuilderMethod, BuilderRef, DotnetFacts, MinimalRoute } from './dotnet-facts.js';
import type { DotnetContext, DotnetTypeIndex } from './dotnet-type-index.js';

const ROOT = 'root';

function nodeOf(file: string, ref: BuilderRef): string {
  if (ref.kind === 'group') return `${file}|g|${ref.id}`;
  if (ref.kind === 'param') return `${file}|p|${ref.method}|${ref.index}`;
  return ROOT;
}

/**
 * A prefix or pattern as far as it can be known: its value when every constant resolves, a
 * `{Owner.NAME}` placeholder for a constant of another class that cannot be found, and
 * nothing for a value computed at run time (a variable, a parameter).
 */
export function knownTemplate(
  expression: StringExpression,
  context: DotnetContext,
  index: DotnetTypeIndex,
): string {
  const value = index.tryEvaluate(expression, context);
  if (value !== undefined) return value;
  const computed = expression.some((piece) => 'ref' in piece && !/^[A-Z]\w*\.[A-Z]/.test(piece.ref));
  return computed ? '' : index.evaluate(expression, context);
}

/** The pattern of a `Map…` call: its first argument; a later literal when the first is a handler (a project's own overload). */
function patternOf(route: MinimalRoute, context: DotnetContext, index: DotnetTypeIndex): string {
  const [first, ...rest] = route.patterns;
  if (first && index.tryEvaluate(first, context) !== undefined)
    return index.tryEvaluate(first, context) ?? '';
  const literal = rest.find((pattern) => pattern !== null && literalOf(pattern) !== undefined);
  if (literal) return literalOf(literal) ?? '';
  return first && route.patterns.length > 1 ? knownTemplate(first, context, index) : '';
}

function buildGraph(files: ReadonlyMap<string, DotnetFacts>, index: DotnetTypeIndex): PrefixGraph {
  const graph = createPrefixGraph();
  const methods = new Map<string, { file: string; method: BuilderMethod }[]>();
  for (const [file, facts] of files)
    for (const method of facts.methods) {
      const list = methods.get(method.name);
      if (list) list.push({ file, method });
      else methods.set(method.name, [{ file, method }]);
    }
  for (const [file, facts] of files) {
    for (const group of facts.groups) {
      const context = group.owner !== undefined ? { file, owner: group.owner } : { file };
      const prefix = group.prefix ? knownTemplate(group.prefix, context, index) : '';
      graph.mount(nodeOf(file, group.parent), nodeOf(file, { kind: 'group', id: group.id }), prefix);
    }
    for (const call of facts.calls) {
      const targets = (methods.get(call.method) ?? []).filter(
        ({ method }) =>
          (!call.extension || method.extension) &&
          (call.owner === undefined || method.owner.split('.').pop() === call.owner),
      );
      for (const target of targets)
        graph.mount(
          nodeOf(file, call.parent),
          nodeOf(target.file, { kind: 'param', method: target.method.key, index: call.index }),
          '',
        );
    }
  }
  return graph;
}

/**
 * Minimal API routes (`MapGet`, `MapPost`… `MapMethods`) under every `MapGroup` prefix
 * above them, wherever the group is made: in the same method, or in another file that
 * passes it into an extension method (`app.MapGroup("/api").MapUsers()`) or a static one.
 */
export function minimalApiRoutes(
  files: ReadonlyMap<string, DotnetFacts>,
  index: DotnetTypeIndex,
): RouteEntry[] {
  const graph = buildGraph(files, index);
  const entries: RouteEntry[] = [];
  for (const [file, facts] of files) {
    for (const route of facts.routes) {
      const context: DotnetContext = route.owner !== undefined ? { file, owner: route.owner } : { file };
      const pattern = patternOf(route, context, index);
      for (const prefix of graph.prefixesOf(nodeOf(file, route.holder)))
        for (const method of route.methods)
          entries.push({
            method,
            path: joinRoutePath(prefix, pattern),
            framework: 'aspnetcore',
            file,
            line: route.line,
            ...(route.handler !== undefined ? { handler: route.handler } : {}),
            signature: route.signature,
          });
    }
  }
  return entries;
}
