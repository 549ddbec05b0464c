import type { RouteFramework } from '../../change-analysis.js';

/**
 * What an expression of a Rust file refers to, as far as the file can tell. Ids of things
 * the file makes are offsets in it: `b<offset>` for a builder, `f<offset>` for a function or closure.
 */
export type RustRef =
  /** An app, router, scope or resource the file makes (`App::new()`, `Router::new()`, `web::scope("/api")`). */
  | { kind: 'builder'; id: string }
  /** A parameter of a function or closure of this file (`cfg` of `fn config(cfg: &mut ServiceConfig)`). */
  | { kind: 'param'; fn: string; index: number }
  /**
   * What calling a function returns: by path (`users::routes()`), or by method name on a value
   * of unknown type (`self.routes()`); `args` are what the call passes, for a function that
   * gives back the router it was handed (`fn add(r: Router) -> Router { r.route(…) }`).
   */
  | { kind: 'call'; path: string[]; method?: true; args?: RustRef[] }
  /** A function named as a value (`.configure(config)`, `.service(show)`); `listed` when a `routes!`/`services!` macro lists it. */
  | { kind: 'fn'; path: string[]; listed?: true }
  /** A closure of this file, by id (`.configure(|cfg| …)`). */
  | { kind: 'closure'; fn: string }
  | { kind: 'unknown' };

/** What a builder is: its own prefix (a scope's, a resource's path) applies wherever it is attached. */
export interface RustBuilder {
  kind: 'app' | 'router' | 'scope' | 'resource' | 'rocket';
  prefix?: string;
}

/** A route declared by a call on a builder: Axum `.route("/x", get(h))`, Actix `.route("/x", web::get().to(h))`, a resource's `.route(…)`. */
export interface RustRoute {
  holder: RustRef;
  method: string;
  path: string;
  line: number;
  handler?: string;
  /** The declaration without its path, closures written as `fn`. */
  signature: string;
}

/** A route an attribute declares on a function: Actix and Rocket `#[get("/users/{id}")]`. */
export interface RustAttributeRoute {
  /** The function's name: `.service(name)` and `routes![name]` attach it. */
  fn: string;
  method: string;
  path: string;
  line: number;
  signature: string;
}

/**
 * `parent` takes `child`: Axum `nest` (under `prefix`) and `merge`, Actix `service` (a scope,
 * a resource or an attribute-routed function) and `configure` (a function given the
 * `ServiceConfig`), Rocket `mount` (under `prefix`), or a function called with a builder
 * (`pass`: its parameter at `index` receives it).
 */
export interface RustMount {
  parent: RustRef;
  child: RustRef;
  prefix: string;
  via: 'nest' | 'merge' | 'service' | 'configure' | 'mount' | 'pass';
  index?: number;
  line: number;
}

/** A function of the file, with the builders it returns. */
export interface RustFunction {
  id: string;
  name: string;
  returns: RustRef[];
}

/** Everything one Rust file says about routing. */
export interface RustFacts {
  /** The web frameworks the file names. */
  frameworks: RouteFramework[];
  /** Names brought in by `use`, as full paths (`users` → `crate::api::users`). */
  uses: Record<string, string[]>;
  /** Modules brought in whole (`use crate::handlers::*`). */
  globs: string[][];
  functions: RustFunction[];
  builders: Record<string, RustBuilder>;
  routes: RustRoute[];
  attributes: RustAttributeRoute[];
  mounts: RustMount[];
}
