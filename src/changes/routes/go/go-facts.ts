import type { RouteFramework } from '../../change-analysis.js';

/**
 * What an expression of a Go file refers to, as far as the file can tell. Ids of things the
 * file creates are offsets in it: `c<offset>` for a router or group, `f<offset>` for a function.
 */
export type GoRef =
  /** A router, app, mux or group the file creates (`gin.New()`, `r.Group("/v1")`, `r.PathPrefix("/x").Subrouter()`). */
  | { kind: 'router'; id: string }
  /** A parameter of a function of this file (a function's `r *gin.RouterGroup`, a chi `Route` closure's `r`). */
  | { kind: 'param'; fn: string; index: number }
  /** A function or method literal of this file, by id. */
  | { kind: 'literal'; fn: string }
  /** A function or package-level variable of this package, by name. */
  | { kind: 'name'; name: string }
  /** An exported function or variable of another package: `users.Register`. */
  | { kind: 'import'; path: string; name: string }
  /** A method called by name on a value whose type the file does not say; `hint` is the import path the value comes from. */
  | { kind: 'method'; name: string; hint?: string }
  /** A struct field of this package (`s.router`), assigned somewhere in the package. */
  | { kind: 'field'; name: string }
  /** What calling `callee` returns (a function that builds a router). */
  | { kind: 'call'; callee: GoRef }
  | { kind: 'unknown' };

/** A route declared on a router or group. */
export interface GoRoute {
  holder: GoRef;
  method: string;
  path: string;
  line: number;
  /** Echo takes the handler right after the path (middleware follows); the others end with it. */
  handlerAfterPath?: string;
  handlerLast?: string;
  /** The declaration without its path, and with every inline function written as `func`. */
  signature: string;
  /** The import path of the package that made the holder (its constructor, its parameter type), when the file says. */
  origin?: string;
  /** For `Handle(pattern, h)`: what it serves, which makes it a mount rather than a route when it is a router. */
  served?: GoRef;
  /** True for a method only Gin and Echo have: `GET` in capitals, `Match`. */
  upperCase: boolean;
}

/**
 * `parent` takes `child` under `prefix`: a group (`Group`, `PathPrefix`, chi `Route`), a
 * mounted router or handler (`Mount`, `Handle` with `http.StripPrefix`), or a function called
 * with a router (`pass`: `child` is the function, `argument` the parameter receiving it).
 */
export interface GoMount {
  parent: GoRef;
  child: GoRef;
  prefix: string;
  via: 'group' | 'mount' | 'pass';
  argument?: number;
  line: number;
}

/** A function or method this file declares. */
export interface GoFunction {
  id: string;
  name: string;
  /** The receiver's type name for a method (`Handler` for `func (h *Handler) Register(…)`). */
  receiver?: string;
}

/** Everything one Go file says about routing. */
export interface GoFacts {
  package: string;
  /** Web frameworks the file imports. */
  frameworks: RouteFramework[];
  functions: GoFunction[];
  /** Package-level variables and what they hold. */
  globals: Record<string, GoRef>;
  /** Struct fields this file assigns a router to (`s.router = gin.New()`, `&Server{router: r}`). */
  fields: Record<string, GoRef[]>;
  /** What each function returns, when it returns a router or a call. */
  returns: Record<string, GoRef>;
  routes: GoRoute[];
  mounts: GoMount[];
}
