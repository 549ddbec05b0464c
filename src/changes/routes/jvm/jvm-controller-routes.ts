import type { RouteFramework } from '../../change-analysis.js';
import { joinRoutePath, type RouteEntry } from '../route-entry.js';
import type { StringExpression } from '../string-expression.js';
import { annotationsSignature } from './jvm-annotations.js';
import type { JvmAnnotation, JvmMethod } from './jvm-facts.js';
import { annotationPaths, mappingsOf, servedPath, type JvmMapping, type JvmStyle } from './jvm-mappings.js';
import type { JvmTypeIndex, NameContext, TypeRef } from './jvm-type-index.js';

/** What the routes of one class need from the whole project side. */
export interface ControllerScope {
  index: JvmTypeIndex;
  /** Methods a diff's hunks left outside their class, by the type declared above them. */
  extraMethods: ReadonlyMap<string, JvmMethod[]>;
  framework(style: JvmStyle, file: string): RouteFramework;
  /** The prefix every route of a style gets in a file's module (context path, `@ApplicationPath`). */
  globalPrefix(style: JvmStyle, file: string): string;
  /** A path with the module's `${property:default}` placeholders resolved (Spring resolves them in mappings). */
  resolvePlaceholders(path: string, file: string): string;
  /** When the side is only the diff's hunks: classes whose annotations are cut off still serve their routes. */
  lenient: boolean;
}

const MAX_LOCATOR_DEPTH = 4;
const SPRING_STEREOTYPES = new Set(['RestController', 'Controller', 'RequestMapping']);

function contextOf(ref: TypeRef): NameContext {
  return { file: ref.file, facts: ref.facts, owner: ref.type.name };
}

function simpleName(ref: TypeRef): string {
  return ref.type.name.split('.').pop() ?? ref.type.name;
}

/** A type's annotations, with those of the project's composed annotations it carries (`@ApiController` meta-annotated with `@RestController`). */
export function effectiveAnnotations(ref: TypeRef, index: JvmTypeIndex): JvmAnnotation[] {
  const meta = ref.type.annotations.flatMap((annotation) => {
    const declared = index.resolveType(annotation.name, contextOf(ref));
    return declared?.type.kind === 'annotation' ? declared.type.annotations : [];
  });
  return [...ref.type.annotations, ...meta];
}

/** Each method with routing annotations a class has, its own or inherited, the closest declaration winning. */
function methodsOf(
  hierarchy: readonly TypeRef[],
  scope: ControllerScope,
): { method: JvmMethod; owner: TypeRef }[] {
  const byName = new Map<string, { method: JvmMethod; owner: TypeRef }>();
  for (const owner of hierarchy)
    for (const method of [...owner.type.methods, ...(scope.extraMethods.get(owner.fqn) ?? [])])
      if (!byName.has(method.name)) byName.set(method.name, { method, owner });
  return [...byName.values()];
}

/** The class-level paths a style reads, from the closest type of the hierarchy that declares them. */
function classPaths(
  style: JvmStyle,
  hierarchy: readonly TypeRef[],
  scope: ControllerScope,
): string[] | undefined {
  const annotationName = { spring: 'RequestMapping', 'jax-rs': 'Path', micronaut: 'Controller' }[style];
  const keys = style === 'micronaut' ? ['value', 'uri'] : ['value', 'path'];
  const types = style === 'micronaut' ? hierarchy.slice(0, 1) : hierarchy;
  for (const ref of types) {
    const annotation = effectiveAnnotations(ref, scope.index).find((found) => found.name === annotationName);
    if (!annotation) continue;
    const paths = annotationPaths(annotation, keys).map((path) =>
      servedPath(style, evaluate(path, ref, scope)),
    );
    return paths.length > 0 ? paths : [''];
  }
  return undefined;
}

function evaluate(expression: StringExpression, ref: TypeRef, scope: ControllerScope): string {
  return scope.resolvePlaceholders(scope.index.evaluate(expression, contextOf(ref)), ref.file);
}

/** True when the class serves a style's routes: Spring needs a stereotype, Micronaut `@Controller`, JAX-RS a `@Path`. */
function serves(
  style: JvmStyle,
  controller: TypeRef,
  scope: ControllerScope,
  prefixes: string[] | undefined,
): boolean {
  if (scope.lenient) return true;
  if (style === 'jax-rs') return prefixes !== undefined;
  const names = effectiveAnnotations(controller, scope.index).map((annotation) => annotation.name);
  return style === 'spring'
    ? names.some((name) => SPRING_STEREOTYPES.has(name))
    : names.includes('Controller');
}

interface Mounted {
  controller: TypeRef;
  /** Set for a JAX-RS sub-resource: the full prefix of the locator that returns it. */
  locatedAt?: string;
  depth: number;
}

/**
 * The routes a class serves: each mapping of its own and inherited methods, under the
 * class-level path of its hierarchy and the module's global prefix. JAX-RS sub-resource
 * locators bring the routes of the resource they return, below their own path.
 */
export function controllerRoutes(mounted: Mounted, scope: ControllerScope): RouteEntry[] {
  const { controller } = mounted;
  const hierarchy = [controller, ...scope.index.hierarchyOf(controller)];
  const entries: RouteEntry[] = [];
  for (const { method, owner } of methodsOf(hierarchy, scope)) {
    for (const mapping of mappingsOf(method)) {
      const own = classPaths(mapping.style, hierarchy, scope);
      const located = mounted.locatedAt !== undefined && mapping.style === 'jax-rs';
      if (!located && !serves(mapping.style, controller, scope, own)) continue;
      // A sub-resource's own class-level `@Path` is ignored: the locator's path replaces it.
      const prefixes = located
        ? [mounted.locatedAt ?? '']
        : (own ?? ['']).map((path) => joinRoutePath(scope.globalPrefix(mapping.style, owner.file), path));
      const paths =
        mapping.paths.length > 0
          ? mapping.paths.map((path) => servedPath(mapping.style, evaluate(path, owner, scope)))
          : [''];
      if (mapping.locator) {
        entries.push(...locatedRoutes(mapping, method, owner, prefixes, paths, mounted, scope));
        continue;
      }
      for (const prefix of prefixes)
        for (const path of paths)
          for (const verb of mapping.methods)
            entries.push({
              method: verb,
              path: joinRoutePath(prefix, path),
              framework: scope.framework(mapping.style, owner.file),
              file: owner.file,
              line: mapping.annotation.line,
              handler: controller.fqn === '' ? method.name : `${simpleName(controller)}.${method.name}`,
              signature: [...annotationsSignature(mapping.annotation, method.annotations), method.name].join(
                ',',
              ),
            });
    }
  }
  return entries;
}

function locatedRoutes(
  mapping: JvmMapping,
  method: JvmMethod,
  owner: TypeRef,
  prefixes: string[],
  paths: string[],
  mounted: Mounted,
  scope: ControllerScope,
): RouteEntry[] {
  const resource = method.returns ? scope.index.resolveType(method.returns, contextOf(owner)) : undefined;
  if (!resource || mounted.depth >= MAX_LOCATOR_DEPTH || mapping.style !== 'jax-rs') return [];
  return prefixes.flatMap((prefix) =>
    paths.flatMap((path) =>
      controllerRoutes(
        { controller: resource, locatedAt: joinRoutePath(prefix, path), depth: mounted.depth + 1 },
        scope,
      ),
    ),
  );
}
