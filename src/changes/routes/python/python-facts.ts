/**
 * What a Python expression refers to, as far as one file can tell. Ids are offsets in the
 * file, stable across reads of the same text: functions `f<offset>`, routers `r<offset>`,
 * Django pattern lists `l<offset>`.
 */
export type PythonRef =
  /** A FastAPI app or `APIRouter`, a Flask app or `Blueprint`, a REST framework router, created in this file. */
  | { kind: 'router'; id: string }
  /** A list of Django URL patterns written in this file (`[path(…), …]`, `i18n_patterns(…)`). */
  | { kind: 'list'; id: string }
  /** The module's own `urlpatterns`. */
  | { kind: 'urlconf' }
  /** A parameter of a function of this file (an app factory's `app`). */
  | { kind: 'param'; fn: string; index: number }
  | { kind: 'function'; fn: string }
  | { kind: 'class'; name: string }
  /** A module, as an import names it (`app.api`, `.routes`, `..`). */
  | { kind: 'module'; module: string }
  /** A name imported from a module (a module's attribute or one of its submodules); `*` for a star import. */
  | { kind: 'import'; module: string; name: string }
  | { kind: 'attribute'; of: PythonRef; name: string }
  /** What calling `callee` gives: a factory's router, a settings class's instance. */
  | { kind: 'call'; callee: PythonRef }
  /** A string, with the parts an f-string or `+` takes from names (read across files). */
  | { kind: 'text'; parts: (string | PythonRef)[] }
  | { kind: 'unknown' };

/** The frameworks a router belongs to, by the class that created it. */
export type PythonRouterKind = 'fastapi' | 'flask' | 'rest-framework';

/** A router, app or blueprint the file creates. */
export interface PythonRouter {
  /** Absent for a class named like a router (`NetBoxRouter`): the linker tells its framework from its bases. */
  kind?: PythonRouterKind;
  /** The class called, when its name does not tell the framework. */
  of?: PythonRef;
  /** FastAPI `APIRouter(prefix=…)`, Flask `Blueprint(url_prefix=…)`. */
  prefix?: PythonRef;
  /** REST framework routers created with `trailing_slash=False`. */
  noTrailingSlash?: boolean;
}

/** A route a decorator, `add_url_rule`/`add_api_route` call, Django pattern or REST framework registration declares. */
export interface PythonRoute {
  holder: PythonRef;
  /** Upper-case methods; empty when the view class decides (`MethodView.as_view`, a decorated class). */
  methods: string[];
  path: PythonRef;
  /** For a REST framework registration: the list route's path, then the detail route's. */
  viewSet?: boolean;
  /** The class whose methods say which HTTP methods it serves. */
  view?: PythonRef;
  line: number;
  handler?: string;
  signature: string;
  /** Set for Django patterns and REST framework registrations. */
  framework?: 'django';
  /** The framework the declaration's own words point to when its router cannot be found (`add_url_rule` is Flask's). */
  hint?: 'fastapi' | 'flask';
}

/**
 * `parent` takes `child` under `prefix`: `include` (FastAPI `include_router`, Django
 * `include()`), `register` (Flask `register_blueprint`: its `url_prefix` replaces the
 * blueprint's own), `mount` (a sub-application) or `pass` (a function called with a router).
 */
export interface PythonMount {
  parent: PythonRef;
  child: PythonRef;
  prefix?: PythonRef;
  via: 'include' | 'register' | 'mount' | 'pass';
  /** For `pass`: which parameter of the called function receives the parent. */
  argument?: number;
}

/** A REST framework viewset method decorated with `@action`: one more route. */
export interface PythonExtraAction {
  name: string;
  /** On the detail route (`users/{pk}/set-password/`) rather than the list route. */
  detail: boolean;
  methods: string[];
  /** `url_path`, else the method's name. */
  path: string;
}

/** A class: what its body assigns (settings' defaults), the HTTP methods it defines (class-based views), its viewset actions. */
export interface PythonClass {
  bases: PythonRef[];
  attributes: Record<string, PythonRef>;
  methods: string[];
  /** REST framework actions it defines: `list`, `create`, `retrieve`, `update`, `partial_update`, `destroy`. */
  actions?: string[];
  extraActions?: PythonExtraAction[];
}

/** Everything one Python file says about routing. */
export interface PythonFacts {
  /** Frameworks the file imports. */
  frameworks: ('fastapi' | 'flask' | 'django')[];
  /** Modules the file imports or includes, absolute or relative as written (`app.api`, `.views`, `..urls`). */
  modules: string[];
  /** What each module-level name is bound to (a module's attributes); `*<module>` for star imports. */
  bindings: Record<string, PythonRef>;
  /** What each function of the file returns, when it can be told. */
  returns: Record<string, PythonRef>;
  routers: Record<string, PythonRouter>;
  classes: Record<string, PythonClass>;
  routes: PythonRoute[];
  mounts: PythonMount[];
  /** What the module's `urlpatterns` is made of (`= [...]`, `+= router.urls`). */
  urlconf: PythonRef[];
}

/** An empty set of facts. */
export function emptyPythonFacts(): PythonFacts {
  return {
    frameworks: [],
    modules: [],
    bindings: {},
    returns: {},
    routers: {},
    classes: {},
    routes: [],
    mounts: [],
    urlconf: [],
  };
}
