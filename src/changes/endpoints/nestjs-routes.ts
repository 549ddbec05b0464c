import { argumentCode, keywordArgument, readCallArguments, stringArgument } from '../source/read-call.js';
import type { SourceView } from '../source/source-view.js';
import { readAnnotatedRoutes, type Annotation, type AnnotationRules } from './annotated-routes.js';
import { joinRoutePath, type RouteExtractor } from './route-declaration.js';
import { annotationPaths } from './spring-routes.js';

const NEST_METHODS: Record<string, string> = {
  Get: 'GET',
  Post: 'POST',
  Put: 'PUT',
  Delete: 'DELETE',
  Patch: 'PATCH',
  Head: 'HEAD',
  Options: 'OPTIONS',
  All: 'ANY',
};

function controllerPrefix(view: SourceView, annotation: Annotation): string | undefined {
  const first = annotation.arguments[0];
  if (!first) return undefined;
  // @Controller({ path: 'users', version: '1' })
  if (argumentCode(view, first).startsWith('{')) {
    const fields = readCallArguments(view, first.start)?.arguments ?? [];
    return stringArgument(view, keywordArgument(view, fields, 'path'));
  }
  return annotationPaths(view, annotation, [])[0];
}

const NEST_RULES: AnnotationRules = {
  classPrefix(view, block) {
    const controller = block.find((annotation) => annotation.name === 'Controller');
    return controller ? controllerPrefix(view, controller) : undefined;
  },
  mappings(view, block) {
    return block.flatMap((annotation) => {
      const method = NEST_METHODS[annotation.name];
      return method
        ? [{ methods: [method], paths: annotationPaths(view, annotation, []), framework: 'nestjs' as const }]
        : [];
    });
  },
};

/** NestJS controllers: `@Controller('prefix')` on the class, `@Get(':id')`, `@Post()`… on its methods, under the application's global prefix when one is known. */
export const nestjsRoutes: RouteExtractor = {
  appliesTo: (path) => /\.[cm]?ts$/.test(path) && !/\.d\.ts$/.test(path),
  syntax: 'javascript',
  mentionsRoutes: /@(Get|Post|Put|Delete|Patch|Head|Options|All|Controller)\s*\(/,
  extract(view, context) {
    const routes = readAnnotatedRoutes(view, NEST_RULES);
    const global = routes.length > 0 ? context.mounts?.globalPrefix() : undefined;
    if (!global) return routes;
    return routes.map((route) =>
      global.exclude.includes(route.path.replace(/^\/+|\/+$/g, ''))
        ? route
        : { ...route, path: joinRoutePath(global.prefix, route.path) },
    );
  },
};
