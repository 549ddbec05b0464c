import type { RouteFramework } from '../change-analysis.js';
import { readCallArguments, type CallArgument } from '../source/read-call.js';
import type { SourceView } from '../source/source-view.js';
import { declareRoute, joinRoutePath, signatureWithout, type RouteDeclaration } from './route-declaration.js';

/** One annotation or decorator: `@GetMapping("/x")`, `@Controller('users')`, `@GET`. */
export interface Annotation {
  /** The last segment of its name (`GetMapping` for `@org.springframework.web.bind.annotation.GetMapping`). */
  name: string;
  arguments: CallArgument[];
  start: number;
  end: number;
}

/** What a method's annotations declare: each path (relative to the class prefix) under each method. */
export interface AnnotatedMapping {
  methods: string[];
  paths: string[];
  framework: RouteFramework;
  /** Paths that ignore the class prefix (ASP.NET templates starting with `/` or `~/`). */
  absolute?: boolean;
  /** A method list to leave out of the signature: adding PUT to `method = {POST}` does not change the POST route. */
  methodList?: { start: number; end: number };
}

/** How one framework reads annotations. */
export interface AnnotationRules {
  /** The prefix a class-level annotation block gives, if any. */
  classPrefix: (view: SourceView, block: Annotation[], className: string | undefined) => string | undefined;
  /** The routes a method-level annotation block declares, if any. */
  mappings: (view: SourceView, block: Annotation[], handler: string | undefined) => AnnotatedMapping[];
}

const ANNOTATION = /@((?:\w+\.)*\w+)/g;
const MODIFIERS =
  '(?:(?:public|private|protected|internal|abstract|final|static|open|data|sealed|override|suspend|export|default|declare|async|synchronized|partial|virtual)\\s+)*';
const CLASS_DECLARATION = new RegExp(`^\\s*${MODIFIERS}(?:class|interface|object|record|enum)\\s+(\\w+)`);
const KOTLIN_FUNCTION = new RegExp(`^\\s*${MODIFIERS}fun\\s+(?:<[^>]*>\\s*)?(\\w+)`);
const METHOD_NAME = /^[^(;{}=]*?(\w+)\s*(?:<[^>]*>)?\s*\(/;

/** Every `@Name` or `@Name(...)` of a file (Java, Kotlin, TypeScript decorators). */
export function readAnnotations(view: SourceView): Annotation[] {
  const annotations: Annotation[] = [];
  for (const match of view.masked.matchAll(ANNOTATION)) {
    // `x@y` is not an annotation (an e-mail in code, a decorator needs a fresh token).
    if (match.index > 0 && /[\w.]/.test(view.masked[match.index - 1] ?? '')) continue;
    const name = (match[1] ?? '').split('.').pop() ?? '';
    let end = match.index + match[0].length;
    let found: CallArgument[] = [];
    const open = /^\s*\(/.exec(view.masked.slice(end, end + 20));
    if (open) {
      const read = readCallArguments(view, end + open[0].length - 1);
      if (read) {
        found = read.arguments;
        end = read.close + 1;
      }
    }
    annotations.push({ name, arguments: found, start: match.index, end });
  }
  return annotations;
}

/** Groups annotations written one after the other (only whitespace between them): those of one declaration. */
function groupBlocks(view: SourceView, annotations: Annotation[]): Annotation[][] {
  const blocks: Annotation[][] = [];
  let current: Annotation[] = [];
  for (const annotation of annotations) {
    const previous = current[current.length - 1];
    if (
      previous &&
      annotation.start > previous.end &&
      view.masked.slice(previous.end, annotation.start).trim() !== ''
    ) {
      blocks.push(current);
      current = [];
    }
    current.push(annotation);
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

function handlerAfter(view: SourceView, from: number): string | undefined {
  const following = view.masked.slice(from, from + 600);
  return KOTLIN_FUNCTION.exec(following)?.[1] ?? METHOD_NAME.exec(following)?.[1];
}

/**
 * Reads routes declared by annotations on methods, under the prefix of the class-level
 * annotation above them: Spring, JAX-RS, Micronaut, NestJS.
 */
export function readAnnotatedRoutes(
  view: SourceView,
  rules: AnnotationRules,
  annotations: Annotation[] = readAnnotations(view),
): RouteDeclaration[] {
  const routes: RouteDeclaration[] = [];
  let classPrefix: string | undefined;
  for (const block of groupBlocks(view, annotations)) {
    const first = block[0];
    const last = block[block.length - 1];
    if (!first || !last) continue;
    const declaredClass = CLASS_DECLARATION.exec(view.masked.slice(last.end, last.end + 200));
    if (declaredClass) {
      classPrefix = rules.classPrefix(view, block, declaredClass[1]);
      continue;
    }
    const handler = handlerAfter(view, last.end);
    for (const mapping of rules.mappings(view, block, handler)) {
      const signature = signatureWithout(view, first.start, last.end, mapping.methodList);
      for (const method of mapping.methods) {
        for (const path of mapping.paths) {
          const route = {
            method,
            path: joinRoutePath(mapping.absolute ? undefined : classPrefix, path),
            framework: mapping.framework,
            handler,
          };
          routes.push(declareRoute(view, first.start, last.end, route, signature));
        }
      }
    }
  }
  return routes;
}
