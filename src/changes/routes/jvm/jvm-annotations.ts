import { compactSignature } from '../route-entry.js';
import type { StringExpression } from '../string-expression.js';
import type { JvmAnnotation } from './jvm-facts.js';

/** Annotation arguments that name a route's path or methods: the route's key, not its signature. */
const PATH_AND_METHOD_KEYS = new Set(['value', 'path', 'uri', 'uris', 'method']);

/** Annotations that declare a route, a prefix or a sub-resource: their own paths are left out of signatures. */
export const ROUTING_ANNOTATIONS = new Set([
  'RequestMapping',
  'GetMapping',
  'PostMapping',
  'PutMapping',
  'DeleteMapping',
  'PatchMapping',
  'Path',
  'GET',
  'POST',
  'PUT',
  'DELETE',
  'PATCH',
  'HEAD',
  'OPTIONS',
  'Get',
  'Post',
  'Put',
  'Delete',
  'Patch',
  'Head',
  'Options',
  'Trace',
]);

/** Annotations that document or instrument a handler without changing what the endpoint serves. */
const NOT_IN_SIGNATURE = new Set([
  'Override',
  'Transactional',
  'Timed',
  'Counted',
  'Cacheable',
  'CacheEvict',
  'CachePut',
  'SuppressWarnings',
  'Operation',
  'ApiOperation',
  'ApiResponse',
  'ApiResponses',
  'ApiParam',
  'ApiImplicitParam',
  'ApiImplicitParams',
  'Parameter',
  'Parameters',
  'Tag',
  'Tags',
  'Hidden',
]);

/** One argument of an annotation as a grammar reads it: its name (undefined when positional), values and text. */
export interface AnnotationArgument {
  name: string | undefined;
  values: StringExpression[];
  text: string;
}

/** Builds an annotation's facts from its name, line and arguments, whatever the grammar. */
export function annotationOf(name: string, line: number, args: readonly AnnotationArgument[]): JvmAnnotation {
  const byName: Record<string, StringExpression[]> = {};
  for (const arg of args) {
    const key = arg.name ?? 'value';
    (byName[key] ??= []).push(...arg.values);
  }
  const routing = ROUTING_ANNOTATIONS.has(name);
  const kept = routing ? args.filter((arg) => !PATH_AND_METHOD_KEYS.has(arg.name ?? 'value')) : args;
  const options = kept.map((arg) => compactSignature(arg.text)).join(',');
  return { name, line, args: byName, options: routing ? options : `${name}(${options})` };
}

/** The part annotations play in a handler's signature: the route's own options, then the others that matter. */
export function annotationsSignature(route: JvmAnnotation, all: readonly JvmAnnotation[]): string[] {
  const others = all.filter((annotation) => annotation !== route && !NOT_IN_SIGNATURE.has(annotation.name));
  return [`${route.name}(${route.options})`, ...others.map((annotation) => annotation.options)];
}

/** True for annotations worth keeping on a method: one that declares a route or a sub-resource. */
export function hasRoutingAnnotation(annotations: readonly JvmAnnotation[]): boolean {
  return annotations.some((annotation) => ROUTING_ANNOTATIONS.has(annotation.name));
}
