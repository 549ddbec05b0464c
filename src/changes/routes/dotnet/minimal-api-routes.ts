import { createPrefixGraph, type PrefixGraph } from '../prefix-graph.js';
import { joinRoutePath, type RouteEntry } from '../route-entry.js';
import { literalOf, type StringExpression } from '../string-expression.js';
import type { BuilderCall, BuilderMethod, BuilderRef, DotnetFacts, MinimalRoute } from './dotnet-facts.js';
import { TYPE_NAME } from './group-prefix.js';
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

type MethodsByName = Map<string, { file: string; method: BuilderMethod }[]>;

function methodsByName(files: ReadonlyMap<string, DotnetFacts>): MethodsByName {
  const methods: MethodsByName = new Map();
  for (const [file, facts] of files)
    for (const method of facts.methods) {
      const list = methods.get(method.name);
      if (list) list.push({ file, method });
      else methods.set(method.name, [{ file, method }]);
    }
  return methods;
}

/** The project's methods a call hands its builder to: extension methods for `x.M()`, the named class's for `C.M(x)`. */
function targetsOf(call: BuilderCall, methods: MethodsByName): { file: string; method: BuilderMethod }[] {
  return (methods.get(call.method) ?? []).filter(
    ({ method }) =>
      (!call.extension || method.extension) &&
      (call.owner === undefined || method.owner.split('.').pop() === call.owner),
  );
}

/** Hands each call's builder to the methods it reaches; a call whose result is a group makes that group the method's. */
function mountCalls(
  graph: PrefixGraph,
  files: ReadonlyMap<string, DotnetFacts>,
  methods: MethodsByName,
): Set<string> {
  const madeByMethods = new Set<string>();
  for (const [file, facts] of files)
    for (const call of facts.calls) {
      const targets = targetsOf(call, methods);
      for (const target of targets) {
        const param = { kind: 'param' as const, method: target.method.key, index: call.index };
        graph.mount(nodeOf(file, call.parent), nodeOf(target.file, param), '');
        const returned = files.get(target.file)?.returns[target.method.key];
        if (call.result === undefined || returned === undefined) continue;
        graph.mount(nodeOf(target.file, returned), nodeOf(file, { kind: 'group', id: call.result }), '');
        madeByMethods.add(nodeOf(file, { kind: 'group', id: call.result }));
      }
    }
  return madeByMethods;
}

function buildGraph(files: ReadonlyMap<string, DotnetFacts>, index: DotnetTypeIndex): PrefixGraph {
  const graph = createPrefixGraph();
  const madeByMethods = mountCalls(graph, files, methodsByName(files));
  for (const [file, facts] of files) {
    for (const group of facts.groups) {
      const node = nodeOf(file, { kind: 'group', id: group.id });
      if (group.viaMethod && madeByMethods.has(node)) continue;
      const context = group.owner !== undefined ? { file, owner: group.owner } : { file };
      const prefix = group.prefix ? knownTemplate(group.prefix, context, index) : '';
      graph.mount(nodeOf(file, group.parent), node, prefix);
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
      // A group made for each class by reflection is named after the class whose method declares the routes.
      const typeName = route.owner?.split('.').pop();
      const prefixes = graph
        .prefixesOf(nodeOf(file, route.holder))
        .map((prefix) => (typeName === undefined ? prefix : prefix.split(TYPE_NAME).join(typeName)));
      for (const prefix of prefixes)
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
