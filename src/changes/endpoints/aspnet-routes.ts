import { argumentCode, positionalArguments, readCallArguments, stringArgument } from '../source/read-call.js';
import { findClosingBracket } from '../source/read-call.js';
import { stringsWithin, type SourceView } from '../source/source-view.js';
import {
  readAnnotatedRoutes,
  type AnnotatedMapping,
  type Annotation,
  type AnnotationRules,
} from './annotated-routes.js';
import {
  declareRoute,
  joinRoutePath,
  signatureWithout,
  type RouteDeclaration,
  type RouteExtractor,
} from './route-declaration.js';

const ATTRIBUTE_LIST = /^[ \t]*\[(?!\s*(?:assembly|module)\s*:)/gm;
const VERB_ATTRIBUTES: Record<string, string> = {
  HttpGet: 'GET',
  HttpPost: 'POST',
  HttpPut: 'PUT',
  HttpDelete: 'DELETE',
  HttpPatch: 'PATCH',
  HttpHead: 'HEAD',
  HttpOptions: 'OPTIONS',
};
const MAP_CALL = /(\w+)\s*\.\s*Map(Get|Post|Put|Delete|Patch|Methods)\s*\(/g;
const MAP_GROUP = /(\w+)\s*=\s*(\w+)\s*\.\s*MapGroup\s*\(/g;

/** C# attribute lists (`[HttpGet("{id}"), Authorize]`), each attribute spanning its whole list so one declaration's lists form one block. */
function readAttributes(view: SourceView): Annotation[] {
  const annotations: Annotation[] = [];
  for (const match of view.masked.matchAll(ATTRIBUTE_LIST)) {
    const open = match.index + match[0].length - 1;
    const close = findClosingBracket(view, open);
    if (close === -1) continue;
    for (const element of readCallArguments(view, open)?.arguments ?? []) {
      const head = /^(?:\w+\.)*(\w+)\s*(\()?/.exec(argumentCode(view, element));
      if (!head?.[1]) continue;
      const found = head[2]
        ? (readCallArguments(view, element.start + head[0].length - 1)?.arguments ?? [])
        : [];
      const name = head[1].replace(/(?<=\w)Attribute$/, '');
      annotations.push({ name, arguments: found, start: match.index, end: close + 1 });
    }
  }
  return annotations;
}

function template(view: SourceView, annotation: Annotation | undefined): string | undefined {
  return annotation ? stringArgument(view, positionalArguments(view, annotation.arguments)[0]) : undefined;
}

const ASPNET_RULES: AnnotationRules = {
  classPrefix(view, block, className) {
    const route = template(
      view,
      block.find((annotation) => annotation.name === 'Route'),
    );
    const controller = className?.replace(/Controller$/, '') ?? '';
    return route?.replace(/\[controller\]/gi, controller);
  },
  mappings(view, block, handler) {
    const routeTemplate = template(
      view,
      block.find((annotation) => annotation.name === 'Route'),
    );
    const verbs = block.filter(
      (annotation) => annotation.name in VERB_ATTRIBUTES || annotation.name === 'AcceptVerbs',
    );
    if (verbs.length === 0 && routeTemplate === undefined) return [];
    const entries = verbs.length > 0 ? verbs : [undefined];
    return entries.map((verb): AnnotatedMapping => {
      const methods = !verb
        ? ['ANY']
        : verb.name === 'AcceptVerbs'
          ? verb.arguments
              .flatMap((argument) => stringsWithin(view, argument.start, argument.end))
              .map((method) => method.toUpperCase())
          : [VERB_ATTRIBUTES[verb.name] ?? 'ANY'];
      const written = (template(view, verb) ?? routeTemplate ?? '').replace(/\[action\]/gi, handler ?? '');
      const absolute = /^~?\//.test(written);
      const mapping: AnnotatedMapping = {
        methods,
        paths: [written.replace(/^~/, '')],
        framework: 'aspnetcore',
        absolute,
      };
      if (verb?.name === 'AcceptVerbs') mapping.methodList = { start: verb.start, end: verb.end };
      return mapping;
    });
  },
};

/** Minimal APIs: `app.MapGet("/todos/{id}", …)`, `MapMethods`, and `var todos = app.MapGroup("/todos")`. */
function readMinimalApis(view: SourceView): RouteDeclaration[] {
  const prefixOf = readGroupPrefixes(view);
  return [...view.masked.matchAll(MAP_CALL)].flatMap((match) => readMapCall(view, match, prefixOf));
}

/** The full prefix of each `MapGroup` variable, following nested groups (a bounded depth guards against cycles). */
function readGroupPrefixes(view: SourceView): (name: string) => string | undefined {
  const groups = new Map<string, { parent: string; prefix: string }>();
  for (const match of view.masked.matchAll(MAP_GROUP)) {
    const prefix = stringArgument(
      view,
      readCallArguments(view, match.index + match[0].length - 1)?.arguments[0],
    );
    if (prefix !== undefined) groups.set(match[1] ?? '', { parent: match[2] ?? '', prefix });
  }
  const prefixOf = (name: string, depth = 0): string | undefined => {
    const group = groups.get(name);
    return group
      ? joinRoutePath(depth < 10 ? prefixOf(group.parent, depth + 1) : undefined, group.prefix)
      : undefined;
  };
  return prefixOf;
}

/** One `MapGet`/`MapMethods` call: a route per method, under its group's prefix. */
function readMapCall(
  view: SourceView,
  match: RegExpExecArray,
  prefixOf: (name: string) => string | undefined,
): RouteDeclaration[] {
  const read = readCallArguments(view, match.index + match[0].length - 1);
  const path = stringArgument(view, read?.arguments[0]);
  if (!read || path === undefined) return [];
  const verb = match[2] ?? '';
  const methods =
    verb === 'Methods'
      ? stringsWithin(view, read.arguments[1]?.start ?? 0, read.arguments[1]?.end ?? 0)
      : [verb.toUpperCase()];
  const last = read.arguments[read.arguments.length - 1];
  const handlerCode = last ? argumentCode(view, last) : '';
  const handler = /^[\w.]+$/.test(handlerCode) ? handlerCode : undefined;
  const signature = signatureWithout(
    view,
    match.index,
    read.close + 1,
    verb === 'Methods' ? read.arguments[1] : undefined,
  );
  return methods.map((method) => {
    const declared = {
      method: method.toUpperCase(),
      path: joinRoutePath(prefixOf(match[1] ?? ''), path),
      framework: 'aspnetcore' as const,
      handler,
    };
    return declareRoute(view, match.index, read.close + 1, declared, signature);
  });
}

/** ASP.NET Core controllers (`[Route("api/[controller]")]` + `[HttpGet("{id}")]`) and minimal APIs (`MapGet`, `MapGroup`). */
export const aspnetRoutes: RouteExtractor = {
  appliesTo: (path) => path.endsWith('.cs'),
  syntax: 'csharp',
  mentionsRoutes:
    /\[\s*(Http(Get|Post|Put|Delete|Patch|Head|Options)|Route|AcceptVerbs)\b|\.\s*Map(Get|Post|Put|Delete|Patch|Methods|Group)\s*\(/,
  extract: (view) => [
    ...readAnnotatedRoutes(view, ASPNET_RULES, readAttributes(view)),
    ...readMinimalApis(view),
  ],
};
