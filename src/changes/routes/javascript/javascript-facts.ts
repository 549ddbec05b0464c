import type { RouteFramework } from '../../change-analysis.js';

/**
 * What an expression of a JavaScript file refers to, as far as one file can tell. Function
 * ids are `f<offset>` (the function's start in the file); the module scope is `''`.
 */
export type ValueRef =
  /** A router or app the file creates (`Router()`, `express()`, `new Router({ prefix })`), in a function's scope or the module's. */
  | { kind: 'router'; scope: string; name: string }
  /** A parameter of a function of this file (a Fastify plugin's instance, an Express factory's app). */
  | { kind: 'param'; fn: string; index: number }
  /** A function of this file (a plugin, a factory); `shared` when `fastify-plugin` wraps it, which makes Fastify ignore a `prefix`. */
  | { kind: 'function'; fn: string; shared?: boolean }
  /** A binding imported from another module; `name` is `default` (also CommonJS `module.exports`), `*` or an export's name. */
  | { kind: 'import'; module: string; name: string }
  /** What calling `callee` returns (a factory's router). */
  | { kind: 'call'; callee: ValueRef }
  /** Something the file cannot say more of (a global, a computed value). */
  | { kind: 'unknown'; name: string };

/** A route declared on a router, app or plugin instance. */
export interface JavascriptRoute {
  holder: ValueRef;
  /** The receiver as written, for telling frameworks apart (`fastify.get` in a plugin). */
  receiver: string;
  method: string;
  path: string;
  line: number;
  handler?: string;
  signature: string;
  /** Set when the declaration itself names its framework (`server.route({ … })` is Hapi's or Fastify's). */
  framework?: RouteFramework;
}

/** `parent` takes `child` under `prefix`: `use` (Express, Koa), `register` (Fastify, Hapi) or `pass` (a function called with a router). */
export interface JavascriptMount {
  parent: ValueRef;
  child: ValueRef;
  prefix: string;
  via: 'use' | 'register' | 'pass';
  /** For `pass`: which argument of the called function receives the parent. */
  argument?: number;
  line: number;
}

/** `@fastify/autoload`: every plugin under `dir` (relative to the repository root) is registered, prefixed by its folder. */
export interface JavascriptAutoload {
  parent: ValueRef;
  dir: string;
  prefix: string;
}

/** A NestJS controller and its handlers. */
export interface NestController {
  name: string;
  /** The line of the class declaration. */
  line?: number;
  paths: string[];
  version?: string[];
  routes: {
    method: string;
    paths: string[];
    version?: string[];
    line: number;
    handler: string;
    signature: string;
  }[];
}

/** Everything one JavaScript or TypeScript file says about routing. */
export interface JavascriptFacts {
  /** Frameworks the file imports. */
  frameworks: RouteFramework[];
  /** Every module the file imports, requires or re-exports, as written. */
  imports: string[];
  /** Exported names (`default` for `export default` and `module.exports =`) and what they are. */
  exports: Record<string, ValueRef>;
  /** What each function of the file returns, when it returns a router or a call. */
  returns: Record<string, ValueRef>;
  /** Prefixes routers give themselves (`new Router({ prefix })`, `router.prefix('/x')`), by `scope\0name`. */
  ownPrefixes: Record<string, string>;
  routes: JavascriptRoute[];
  mounts: JavascriptMount[];
  autoloads: JavascriptAutoload[];
  /** `export const autoPrefix = '/x'`: the prefix `@fastify/autoload` adds for this plugin. */
  autoPrefix?: string;
  controllers: NestController[];
  /**
   * NestJS `app.setGlobalPrefix(prefix, { exclude })`; `key` when the prefix comes from
   * configuration (`config.get('app.apiPrefix')`), looked up in `configurationDefaults`.
   */
  globalPrefix?: { prefix: string; exclude: string[] } | { key: string; exclude: string[] };
  /** Configuration values with a literal default: `apiPrefix: process.env.API_PREFIX || 'api'`. */
  configurationDefaults: Record<string, string>;
  /** NestJS `app.enableVersioning({ type: VersioningType.URI, defaultVersion })`. */
  uriVersioning?: { defaultVersion?: string[] };
}

/** The key of a router in `ownPrefixes`. */
export function routerKey(scope: string, name: string): string {
  return `${scope}\0${name}`;
}
