import { nameOf, namesOf, type DslCall, type DslValue } from '../routing-dsl.js';
import { joinRoutePath } from '../route-entry.js';
import { pluralNoun, singularNoun } from '../resource-nouns.js';
import { controllerPath, type RailsScope } from './rails-scope.js';

/** A route a `resources` or `resource` line draws. */
export interface ResourceRoute {
  method: string;
  path: string;
  handler: string;
}

/** Where one resource's routes and the routes of its block go. */
export interface ResourcePlaces {
  collection: string;
  member: string;
  newPath: string;
  /** Where the routes of its block go (`/photos/:photo_id`). */
  nested: string;
  controller: string;
}

/** True for a literal `true`. */
export function isTrue(value: DslValue | undefined): boolean {
  return value?.kind === 'boolean' && value.value;
}

const ACTIONS = ['index', 'create', 'new', 'edit', 'show', 'update', 'destroy'];

/** The actions a resource draws: all seven (six for a singular one) less `new`/`edit` in an API-only app, then `only:`/`except:`. */
function actionsOf(call: DslCall, singular: boolean, apiOnly: boolean): string[] {
  const only = namesOf(call.options.only);
  const except = namesOf(call.options.except) ?? [];
  const defaults = ACTIONS.filter(
    (action) => !(singular && action === 'index') && !(apiOnly && (action === 'new' || action === 'edit')),
  );
  // `only: :none` and `only: []` draw nothing.
  return (only ?? defaults).filter((action) => !except.includes(action));
}

/** `path_names: { new: 'make', edit: 'change' }`. */
function pathName(call: DslCall, action: 'new' | 'edit'): string {
  const names = call.options.path_names;
  const found = names?.kind === 'pairs' ? names.entries.find(([key]) => key === action)?.[1] : undefined;
  return nameOf(found) ?? action;
}

/** The paths of one resource of a `resources`/`resource` line, with Rails' shallow nesting. */
export function resourcePlaces(scope: RailsScope, call: DslCall, name: string): ResourcePlaces {
  const singular = call.verb === 'resource';
  const segment = nameOf(call.options.path) ?? name;
  const param = nameOf(call.options.param) ?? 'id';
  const collection = joinRoutePath(scope.path, segment);
  const shallow = !singular && (scope.shallow || isTrue(call.options.shallow));
  const owner = singular ? name : singularNoun(name);
  const member = singular
    ? collection
    : joinRoutePath(shallow ? scope.shallowPath : scope.path, segment, `:${param}`);
  const nestedBase =
    shallow && scope.resourceDepth >= 1 ? joinRoutePath(scope.shallowPath, segment) : collection;
  const controllerName = nameOf(call.options.controller) ?? (singular ? pluralNoun(name) : name);
  const module = nameOf(call.options.module);
  return {
    collection,
    member,
    newPath: joinRoutePath(collection, pathName(call, 'new')),
    nested: singular ? collection : joinRoutePath(nestedBase, `:${owner}_${param}`),
    controller: controllerPath(scope, module === undefined ? controllerName : `${module}/${controllerName}`),
  };
}

/** The routes one resource draws. */
export function resourceRoutes(call: DslCall, places: ResourcePlaces, apiOnly: boolean): ResourceRoute[] {
  const actions = actionsOf(call, call.verb === 'resource', apiOnly);
  const table: [string, string, string][] = [
    ['index', 'GET', places.collection],
    ['create', 'POST', places.collection],
    ['new', 'GET', places.newPath],
    ['edit', 'GET', joinRoutePath(places.member, pathName(call, 'edit'))],
    ['show', 'GET', places.member],
    ['update', 'PATCH', places.member],
    ['update', 'PUT', places.member],
    ['destroy', 'DELETE', places.member],
  ];
  return table
    .filter(([action]) => actions.includes(action))
    .map(([action, method, path]) => ({ method, path, handler: `${places.controller}#${action}` }));
}

/** The names a `resources :photos, :books, only: …` line declares. */
export function resourceNames(call: DslCall): string[] {
  return call.args.map(nameOf).filter((name): name is string => name !== undefined);
}
