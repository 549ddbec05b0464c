import { joinRoutePath, type RouteEntry } from '../route-entry.js';
import type { DotnetAttribute, DotnetMethod } from './dotnet-facts.js';
import type { ClassRef, DotnetTypeIndex } from './dotnet-type-index.js';

const VERB_ATTRIBUTES: Readonly<Record<string, string>> = {
  HttpGet: 'GET',
  HttpPost: 'POST',
  HttpPut: 'PUT',
  HttpDelete: 'DELETE',
  HttpPatch: 'PATCH',
  HttpHead: 'HEAD',
  HttpOptions: 'OPTIONS',
};
// Attributes that document an action for OpenAPI without changing what it serves.
const DOCUMENTATION = new Set([
  'ProducesResponseType',
  'EndpointSummary',
  'EndpointDescription',
  'SwaggerOperation',
  'SwaggerResponse',
  'Tags',
]);

/** What controller routes need from the project side. */
export interface ControllerScope {
  index: DotnetTypeIndex;
  /** Conventional route patterns (`{controller=Home}/{action=Index}/{id?}`), for actions without attribute routes. */
  conventions: string[];
  /** The side is a diff's hunks: classes whose attributes are cut off still serve their routes. */
  lenient: boolean;
}

interface RouteSpec {
  methods: string[];
  template: string;
  attribute?: DotnetAttribute;
}

function simpleName(ref: ClassRef): string {
  return ref.type.name.split('.').pop() ?? ref.type.name;
}

function has(attributes: readonly DotnetAttribute[], name: string): boolean {
  return attributes.some((attribute) => attribute.name === name);
}

/** A class ASP.NET Core takes as a controller: public, concrete, named `…Controller` or derived from one, or marked `[Controller]`. */
function isController(hierarchy: readonly ClassRef[]): boolean {
  const [own] = hierarchy;
  if (!own || own.type.kind !== 'class' || has(own.type.attributes, 'NonController')) return false;
  return (
    simpleName(own).endsWith('Controller') ||
    hierarchy.some(
      (ref) => has(ref.type.attributes, 'Controller') || has(ref.type.attributes, 'ApiController'),
    ) ||
    hierarchy.some((ref) => ref.type.bases.some((base) => /Controller(Base)?$/.test(base)))
  );
}

/** Each public method of the class, its own or inherited, the closest declaration winning; `[NonAction]` ones left out. */
function actionsOf(hierarchy: readonly ClassRef[]): { method: DotnetMethod; owner: ClassRef }[] {
  const byName = new Map<string, { method: DotnetMethod; owner: ClassRef }>();
  for (const owner of hierarchy)
    for (const method of owner.type.methods)
      if (!byName.has(method.name)) byName.set(method.name, { method, owner });
  return [...byName.values()].filter(({ method }) => !has(method.attributes, 'NonAction'));
}

function templateOf(
  attribute: DotnetAttribute | undefined,
  owner: ClassRef,
  index: DotnetTypeIndex,
): string | undefined {
  const written = attribute?.args[0] ?? attribute?.named.Template ?? attribute?.named.Route;
  return written ? index.evaluate(written, { file: owner.file, owner: owner.type.name }) : undefined;
}

function namedTemplate(
  attribute: DotnetAttribute,
  owner: ClassRef,
  index: DotnetTypeIndex,
): string | undefined {
  const written = attribute.named.Route ?? attribute.named.Template;
  return written ? index.evaluate(written, { file: owner.file, owner: owner.type.name }) : undefined;
}

/** The routes an action's attributes declare: each templated verb, each `[Route]` with the untemplated verbs. */
function specsOf(
  method: DotnetMethod,
  owner: ClassRef,
  index: DotnetTypeIndex,
): { specs: RouteSpec[]; verbs: string[] } {
  const specs: RouteSpec[] = [];
  const verbs: string[] = [];
  for (const attribute of method.attributes) {
    const verb = VERB_ATTRIBUTES[attribute.name];
    const methods = verb
      ? [verb]
      : attribute.name === 'AcceptVerbs'
        ? attribute.args.flatMap((arg) =>
            arg?.length === 1 && 'text' in arg[0]! ? [arg[0].text.toUpperCase()] : [],
          )
        : undefined;
    if (!methods) continue;
    // `[AcceptVerbs("PUT", "PATCH", Route = "x")]`: its positional arguments are verbs, its template is named.
    const template =
      attribute.name === 'AcceptVerbs'
        ? namedTemplate(attribute, owner, index)
        : templateOf(attribute, owner, index);
    if (template === undefined) verbs.push(...methods);
    else specs.push({ methods, template, attribute });
  }
  for (const attribute of method.attributes.filter((candidate) => candidate.name === 'Route'))
    specs.push({
      methods: verbs.length > 0 ? verbs : ['ANY'],
      template: templateOf(attribute, owner, index) ?? '',
      attribute,
    });
  return { specs, verbs };
}

function replaceTokens(path: string, tokens: { controller: string; action: string; area: string }): string {
  return path
    .replace(/\[controller\]/gi, tokens.controller)
    .replace(/\[action\]/gi, tokens.action)
    .replace(/\[area\]/gi, tokens.area);
}

/** A conventional pattern filled for one action: `{controller=Home}` and `{action=Index}` take its names. */
function conventionalPath(
  pattern: string,
  tokens: { controller: string; action: string; area: string },
): string {
  return pattern
    .replace(/\{controller(?:=[^}]*)?\}/gi, tokens.controller)
    .replace(/\{action(?:=[^}]*)?\}/gi, tokens.action)
    .replace(/\{area(?::[^}=]*)?(?:=[^}]*)?\}/gi, tokens.area);
}

/**
 * The attribute routes of a controller: its `[Route]` templates (its own and its base
 * classes'), each action's `[HttpGet("…")]`/`[Route]` templates below them (or alone when
 * they start with `/` or `~/`), `[controller]`, `[action]` and `[area]` replaced. Actions
 * of a controller without attribute routes follow the conventional patterns, when known.
 */
export function controllerRoutes(controller: ClassRef, scope: ControllerScope): RouteEntry[] {
  const hierarchy = [controller, ...scope.index.hierarchyOf(controller)];
  if (!scope.lenient && !isController(hierarchy)) return [];
  const attributes = hierarchy.flatMap((ref) => ref.type.attributes.map((attribute) => ({ attribute, ref })));
  const classTemplates = attributes
    .filter(({ attribute }) => attribute.name === 'Route')
    .map(({ attribute, ref }) => templateOf(attribute, ref, scope.index) ?? '');
  const area = attributes.find(({ attribute }) => attribute.name === 'Area');
  const controllerName = simpleName(controller).replace(/Controller$/, '');
  const entries: RouteEntry[] = [];
  for (const { method, owner } of actionsOf(hierarchy)) {
    const actionName = templateOf(
      method.attributes.find((a) => a.name === 'ActionName'),
      owner,
      scope.index,
    );
    const tokens = {
      controller: controllerName,
      action: actionName ?? method.name.replace(/Async$/, ''),
      area: area ? (templateOf(area.attribute, area.ref, scope.index) ?? '') : '',
    };
    const { specs, verbs } = specsOf(method, owner, scope.index);
    const attributed = classTemplates.length > 0 || specs.length > 0;
    if (
      specs.length === 0 &&
      (verbs.length > 0 || classTemplates.some((template) => /\[action\]/i.test(template)))
    )
      specs.push({ methods: verbs.length > 0 ? verbs : ['ANY'], template: '' });
    const paths = (spec: RouteSpec): string[] =>
      /^~?\//.test(spec.template)
        ? [spec.template.replace(/^~/, '')]
        : (classTemplates.length > 0 ? classTemplates : ['']).map((base) =>
            joinRoutePath(base, spec.template),
          );
    const routed: { spec: RouteSpec; path: string }[] =
      attributed || scope.lenient
        ? specs.flatMap((spec) => paths(spec).map((path) => ({ spec, path })))
        : scope.conventions.map((pattern) => ({
            spec: { methods: verbs.length > 0 ? verbs : ['ANY'], template: '' },
            path: conventionalPath(pattern, tokens),
          }));
    const signature = [
      ...method.attributes
        .filter((attribute) => !DOCUMENTATION.has(attribute.name))
        .map((a) => `${a.name}(${a.options})`),
      method.name,
    ].join(',');
    for (const { spec, path } of routed)
      for (const verb of spec.methods)
        entries.push({
          method: verb,
          path: joinRoutePath(replaceTokens(path, tokens)),
          framework: 'aspnetcore',
          file: owner.file,
          line: spec.attribute?.line ?? method.attributes[0]?.line ?? method.line,
          handler: controller.type.name === '' ? method.name : `${simpleName(controller)}.${method.name}`,
          signature,
        });
  }
  return entries;
}
