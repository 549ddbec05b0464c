import { HTTP_METHODS } from '../route-entry.js';
import type { StringExpression } from '../string-expression.js';
import type { JvmAnnotation, JvmMethod } from './jvm-facts.js';

/** The routing style an annotation belongs to. */
export type JvmStyle = 'spring' | 'jax-rs' | 'micronaut';

/** What one method's annotations declare: methods and paths relative to the class, or a JAX-RS sub-resource. */
export interface JvmMapping {
  style: JvmStyle;
  /** The annotation that declares the route (its line is the route's). */
  annotation: JvmAnnotation;
  methods: string[];
  /** Paths relative to the class's; an empty list means the class's own path. */
  paths: StringExpression[];
  /** A JAX-RS sub-resource locator: `@Path` without a method; the resource it returns serves below it. */
  locator?: boolean;
}

const SPRING_SHORTCUTS: Readonly<Record<string, string>> = {
  GetMapping: 'GET',
  PostMapping: 'POST',
  PutMapping: 'PUT',
  DeleteMapping: 'DELETE',
  PatchMapping: 'PATCH',
};
const JAX_RS_METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);
const MICRONAUT_METHODS: Readonly<Record<string, string>> = {
  Get: 'GET',
  Post: 'POST',
  Put: 'PUT',
  Delete: 'DELETE',
  Patch: 'PATCH',
  Head: 'HEAD',
  Options: 'OPTIONS',
  Trace: 'TRACE',
};

/**
 * The path a route is served at. Micronaut URIs are RFC 6570 templates whose `{?max,offset}`
 * and `{&sort}` expressions expand to the query string and `{#section}` to the fragment: none
 * is part of the path (`/books{?max}` serves `/books`). Spring patterns and JAX-RS templates
 * have no such expressions: their `{…}` is a variable, optionally with a regex, and a regex
 * cannot hold `{?`, `{&` or `{#` (a quantifier `{n,m}` starts with a digit), so they keep theirs.
 */
export function servedPath(style: JvmStyle, path: string): string {
  return style === 'micronaut' ? path.replace(/\{[?&#][^{}]*\}/g, '') : path;
}

/** The paths an annotation names under any of `keys`; none when it names none. */
export function annotationPaths(
  annotation: JvmAnnotation | undefined,
  keys: readonly string[],
): StringExpression[] {
  if (!annotation) return [];
  return keys.flatMap((key) => annotation.args[key] ?? []);
}

function springMethods(annotation: JvmAnnotation): string[] {
  const shortcut = SPRING_SHORTCUTS[annotation.name];
  if (shortcut) return [shortcut];
  const listed = (annotation.args.method ?? [])
    .flatMap((expression) => expression.map((piece) => ('ref' in piece ? piece.ref : piece.text)))
    .map((ref) => ref.split('.').pop() ?? '')
    .filter((method) => HTTP_METHODS.includes(method));
  return listed.length > 0 ? [...new Set(listed)] : ['ANY'];
}

/** The routes (or the sub-resource) one method's annotations declare, in every style it uses. */
export function mappingsOf(method: JvmMethod): JvmMapping[] {
  const found: JvmMapping[] = [];
  for (const annotation of method.annotations) {
    if (annotation.name === 'RequestMapping' || SPRING_SHORTCUTS[annotation.name]) {
      const paths = annotationPaths(annotation, ['value', 'path']);
      found.push({ style: 'spring', annotation, methods: springMethods(annotation), paths });
    }
    const micronaut = MICRONAUT_METHODS[annotation.name];
    if (micronaut) {
      const paths = annotationPaths(annotation, ['value', 'uri', 'uris']);
      found.push({ style: 'micronaut', annotation, methods: [micronaut], paths });
    }
  }
  const verbs = method.annotations.filter((annotation) => JAX_RS_METHODS.has(annotation.name));
  const path = method.annotations.find((annotation) => annotation.name === 'Path');
  const paths = annotationPaths(path, ['value']);
  for (const verb of verbs) found.push({ style: 'jax-rs', annotation: verb, methods: [verb.name], paths });
  if (verbs.length === 0 && path && method.returns !== undefined)
    found.push({ style: 'jax-rs', annotation: path, methods: [], paths, locator: true });
  return found;
}
