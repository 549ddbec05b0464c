import { nameOf, type DslCall, type DslValue } from '../routing-dsl.js';
import { joinRoutePath } from '../route-entry.js';

/** Where the routes of a block of `routes.rb` go, and which controllers serve them. */
export interface RailsScope {
  /** The path routes of this block start with. */
  path: string;
  /** The path shallow member routes start with: namespaces and `shallow_path:`, not parent resources. */
  shallowPath: string;
  /** The controllers' module (`admin/v1`), from namespaces and `module:`. */
  module: string;
  /** The controller of the enclosing resource or `controller` block. */
  controller?: string;
  /** The action `scope action: 'index'` gives every route of its block. */
  action?: string;
  /** The member, collection and new paths of the enclosing resource, for `member`, `collection`, `new` and `on:`. */
  resource?: { member: string; collection: string; newPath: string };
  /** Inside `shallow do` or `shallow: true`. */
  shallow: boolean;
  /** How many resources enclose the block. */
  resourceDepth: number;
}

/** The scope of a routes file drawn at the top (or of an engine, under its mount). */
export function topScope(path = ''): RailsScope {
  return { path, shallowPath: path, module: '', shallow: false, resourceDepth: 0 };
}

/** A controller's full name under the scope's module (`admin/users`); a leading `/` opts out of it. */
export function controllerPath(scope: RailsScope, controller: string): string {
  if (controller.startsWith('/')) return controller.slice(1);
  return scope.module === '' ? controller : `${scope.module}/${controller}`;
}

/** Path pieces a `scope` takes positionally (`scope '/admin'`, `scope ':locale'`). */
function positionalPath(args: readonly DslValue[]): string | undefined {
  const names = args.map(nameOf).filter((name): name is string => name !== undefined);
  return names.length === 0 ? undefined : names.join('/');
}

function joinModule(outer: string, inner: string | undefined): string {
  if (inner === undefined || inner === '') return outer;
  return outer === '' ? inner : `${outer}/${inner}`;
}

/** `namespace :admin` (path and module `admin`; `path:` and `module:` override them). */
export function namespaceScope(scope: RailsScope, call: DslCall): RailsScope {
  const name = nameOf(call.args[0]);
  const path = nameOf(call.options.path) ?? name;
  const module = nameOf(call.options.module) ?? name;
  const shallowPath = nameOf(call.options.shallow_path) ?? path;
  return {
    ...scope,
    path: joinRoutePath(scope.path, path),
    shallowPath: joinRoutePath(scope.shallowPath, shallowPath),
    module: joinModule(scope.module, module),
    controller: undefined,
    action: undefined,
    resource: undefined,
  };
}

/** `scope '/x'`, `scope path: 'x', module: 'y', controller: 'z'`: a path that, unlike a namespace's, shallow members do not keep. */
export function pathScope(scope: RailsScope, call: DslCall): RailsScope {
  const path = positionalPath(call.args) ?? nameOf(call.options.path);
  const controller = nameOf(call.options.controller);
  const action = nameOf(call.options.action);
  const shallowPath = nameOf(call.options.shallow_path);
  return {
    ...scope,
    path: joinRoutePath(scope.path, path),
    shallowPath: joinRoutePath(scope.shallowPath, shallowPath),
    module: joinModule(scope.module, nameOf(call.options.module)),
    ...(controller !== undefined ? { controller: controllerPath(scope, controller) } : {}),
    ...(action !== undefined ? { action } : {}),
    ...(call.options.shallow?.kind === 'boolean' ? { shallow: call.options.shallow.value } : {}),
  };
}

/** `controller :sessions do … end`. */
export function controllerScope(scope: RailsScope, call: DslCall): RailsScope {
  const controller = nameOf(call.args[0]) ?? nameOf(call.options.controller);
  return controller === undefined ? scope : { ...scope, controller: controllerPath(scope, controller) };
}
