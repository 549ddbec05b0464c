import type { RouteFramework } from '../change-analysis.js';
import { argumentCode, keywordArgument, positionalArguments } from '../source/read-call.js';
import { stringsWithin, type SourceView } from '../source/source-view.js';
import {
  readAnnotatedRoutes,
  type AnnotatedMapping,
  type Annotation,
  type AnnotationRules,
} from './annotated-routes.js';
import { HTTP_METHODS, type RouteExtractor } from './route-declaration.js';

const SPRING_SHORTCUTS: Record<string, string> = {
  GetMapping: 'GET',
  PostMapping: 'POST',
  PutMapping: 'PUT',
  DeleteMapping: 'DELETE',
  PatchMapping: 'PATCH',
};
const MICRONAUT_METHODS: Record<string, string> = {
  Get: 'GET',
  Post: 'POST',
  Put: 'PUT',
  Delete: 'DELETE',
  Patch: 'PATCH',
  Head: 'HEAD',
  Options: 'OPTIONS',
};

/** The paths an annotation names: its first positional argument or `value`/`path`/`uri`, one string or an array. */
export function annotationPaths(view: SourceView, annotation: Annotation, keywords: string[]): string[] {
  const argument =
    positionalArguments(view, annotation.arguments)[0] ??
    keywords
      .map((keyword) => keywordArgument(view, annotation.arguments, keyword))
      .find((found) => found !== undefined);
  if (!argument) return [''];
  const paths = stringsWithin(view, argument.start, argument.end);
  return paths.length > 0 ? paths : [''];
}

function springMapping(view: SourceView, annotation: Annotation): AnnotatedMapping | undefined {
  const shortcut = SPRING_SHORTCUTS[annotation.name];
  const paths = annotationPaths(view, annotation, ['value', 'path']);
  if (shortcut) return { methods: [shortcut], paths, framework: 'spring-boot' };
  if (annotation.name !== 'RequestMapping') return undefined;
  const methodArgument = keywordArgument(view, annotation.arguments, 'method');
  const listed = methodArgument
    ? [...argumentCode(view, methodArgument).matchAll(/RequestMethod\s*\.\s*(\w+)/g)]
    : [];
  const methods = listed.map((match) => match[1] ?? '').filter((method) => HTTP_METHODS.includes(method));
  const mapping: AnnotatedMapping = {
    methods: methods.length > 0 ? methods : ['ANY'],
    paths,
    framework: 'spring-boot',
  };
  if (methodArgument) mapping.methodList = methodArgument;
  return mapping;
}

function jaxRsMapping(
  view: SourceView,
  block: Annotation[],
  framework: RouteFramework,
): AnnotatedMapping | undefined {
  const methods = block.map((annotation) => annotation.name).filter((name) => HTTP_METHODS.includes(name));
  if (methods.length === 0) return undefined;
  const path = block.find((annotation) => annotation.name === 'Path');
  return { methods, paths: path ? annotationPaths(view, path, ['value']) : [''], framework };
}

function micronautMapping(view: SourceView, annotation: Annotation): AnnotatedMapping | undefined {
  const method = MICRONAUT_METHODS[annotation.name];
  if (!method) return undefined;
  return {
    methods: [method],
    paths: annotationPaths(view, annotation, ['value', 'uri']),
    framework: 'micronaut',
  };
}

function rulesFor(frameworks: string[]): AnnotationRules {
  const jaxRsFramework: RouteFramework = frameworks.includes('quarkus') ? 'quarkus' : 'jax-rs';
  return {
    classPrefix(view, block) {
      const prefix = block.find((annotation) =>
        ['RequestMapping', 'Path', 'Controller'].includes(annotation.name),
      );
      if (!prefix) return undefined;
      // Spring's @Controller takes a bean name, not a path; Micronaut's takes the path.
      if (prefix.name === 'Controller' && !frameworks.includes('micronaut')) return undefined;
      return annotationPaths(view, prefix, ['value', 'path', 'uri'])[0];
    },
    mappings(view, block) {
      const found: AnnotatedMapping[] = [];
      for (const annotation of block) {
        const mapping = springMapping(view, annotation) ?? micronautMapping(view, annotation);
        if (mapping) found.push(mapping);
      }
      const jaxRs = jaxRsMapping(view, block, jaxRsFramework);
      return jaxRs ? [...found, jaxRs] : found;
    },
  };
}

/** Spring MVC/WebFlux mappings under a class-level `@RequestMapping`, JAX-RS (`@Path` + `@GET`) and Micronaut (`@Controller` + `@Get`). */
export const springRoutes: RouteExtractor = {
  appliesTo: (path) => /\.(java|kt)$/.test(path),
  syntax: 'java',
  mentionsRoutes:
    /@(\w+\.)*(Get|Post|Put|Delete|Patch|Request)Mapping\b|@(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|Path)\b|@(Get|Post|Put|Delete|Patch|Head|Options|Controller)\b/,
  extract: (view, context) => readAnnotatedRoutes(view, rulesFor(context.frameworks)),
};
