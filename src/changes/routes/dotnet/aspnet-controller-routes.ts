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

function replaceTokens(path: string, tokens: Tokens): string {
  return path
    .replace(/\[controller\]/gi, tokens.controller)
    .replace(/\[action\]/gi, tokens.action)
    .replace(/\[area\]/gi, tokens.area);
}

/** A conventional pattern filled for one action: `{controller=Home}` and `{action=Index}` take its names. */
function conventionalPath(pattern: string, tokens: Tokens): string {
  return pattern
    .replace(/\{controller(?:=[^}]*)?\}/gi, tokens.controller)
    .replace(/\{action(?:=[^}]*)?\}/gi, tokens.action)
    .replace(/\{area(?::[^}=]*)?(?:=[^}]*)?\}/gi, tokens.area);
}

/** What every action of one controller shares: its class templates, its area, its name. */
interface ControllerShape {
  controller: ClassRef;
  templates: string[];
  area: string;
  name: string;
}

type Tokens = { controller: string; action: string; area: string };

/** Where an action is served: below each class template, or alone when it starts with `/` or `~/`; by convention when nothing routes it. */
function placesOf(
  method: DotnetMethod,
  owner: ClassRef,
  shape: ControllerShape,
  scope: ControllerScope,
  tokens: Tokens,
): { spec: RouteSpec; path: string }[] {
  const { specs, verbs } = specsOf(method, owner, scope.index);
  const methods = verbs.length > 0 ? verbs : ['ANY'];
  if (shape.templates.length === 0 && specs.length === 0 && !scope.lenient)
    return scope.conventions.map((pattern) => ({
      spec: { methods, template: '' },
      path: conventionalPath(pattern, tokens),
    }));
  // A verb without a template, or a class template naming `[action]`, serves the action at the class template.
  if (specs.length === 0 && (verbs.length > 0 || shape.templates.some((t) => /\[action\]/i.test(t))))
    specs.push({ methods, template: '' });
  const bases = shape.templates.length > 0 ? shape.templates : [''];
  return specs.flatMap((spec) =>
    /^~?\//.test(spec.template)
      ? [{ spec, path: spec.template.replace(/^~/, '') }]
      : bases.map((base) => ({ spec, path: joinRoutePath(base, spec.template) })),
  );
}

function actionRoutes(
  method: DotnetMethod,
  owner: ClassRef,
  shape: ControllerShape,
  scope: ControllerScope,
): RouteEntry[] {
  const actionName = templateOf(
    method.attributes.find((attribute) => attribute.name === 'ActionName'),
    owner,
    scope.index,
  );
  const tokens = {
    controller: shape.name,
    action: actionName ?? method.name.replace(/Async$/, ''),
    area: shape.area,
  };
  const signature = [
    ...method.attributes
      .filter((attribute) => !DOCUMENTATION.has(attribute.name))
      .map((attribute) => `${attribute.name}(${attribute.options})`),
    method.name,
  ].join(',');
  const handler =
    shape.controller.type.name === '' ? method.name : `${simpleName(shape.controller)}.${method.name}`;
  return placesOf(method, owner, shape, scope, tokens).flatMap(({ spec, path }) =>
    spec.methods.map((verb) => ({
      method: verb,
      path: joinRoutePath(replaceTokens(path, tokens)),
      framework: 'aspnetcore' as const,
      file: owner.file,
      line: spec.attribute?.line ?? method.attributes[0]?.line ?? method.line,
      handler,
      signature,
    })),
  );
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
  const area = attributes.find(({ attribute }) => attribute.name === 'Area');
  const shape: ControllerShape = {
    controller,
    templates: attributes
      .filter(({ attribute }) => attribute.name === 'Route')
      .map(({ attribute, ref }) => templateOf(attribute, ref, scope.index) ?? ''),
    area: area ? (templateOf(area.attribute, area.ref, scope.index) ?? '') : '',
    name: simpleName(controller).replace(/Controller$/, ''),
  };
  return actionsOf(hierarchy).flatMap(({ method, owner }) => actionRoutes(method, owner, shape, scope));
}
