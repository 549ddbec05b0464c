import type { StringExpression } from '../string-expression.js';

/** A C# attribute: `[HttpGet("{id}", Name = "x")]`, `[Route("api/[controller]")]`. */
export interface DotnetAttribute {
  /** Its name without `Attribute`: `HttpGet` for `[HttpGetAttribute]`. */
  name: string;
  line: number;
  /** Positional arguments; `null` for one that is not a string (a type, a number). */
  args: (StringExpression | null)[];
  /** Named arguments (`Name = "x"`, `Route = "y"`). */
  named: Record<string, StringExpression>;
  /** Whitespace-free text of the arguments other than templates and verbs, for signatures. */
  options: string;
}

/** A method of a class: an action when its class is a controller. */
export interface DotnetMethod {
  name: string;
  line: number;
  attributes: DotnetAttribute[];
}

/** A class of a file, with what controller routing needs of it. */
export interface DotnetClass {
  /** Its name within the file: `Outer.Inner` for a nested class, type parameters dropped. */
  name: string;
  line: number;
  attributes: DotnetAttribute[];
  /** Base class and interfaces as written, type arguments dropped. */
  bases: string[];
  /** Only a `class` (or record) can be a controller; an abstract one can pass its routes on. */
  kind: 'class' | 'abstract' | 'static' | 'interface';
  /** Public instance methods. */
  methods: DotnetMethod[];
}

/**
 * What a route builder expression refers to, as far as one file can tell: a group made by
 * `MapGroup` (its id is the call's offsets), a parameter of a method of the file, or the
 * application itself (`app`, `endpoints`, anything not bound in the file).
 */
export type BuilderRef =
  { kind: 'group'; id: string } | { kind: 'param'; method: string; index: number } | { kind: 'root' };

/** `MapGet`, `MapPost`… `MapMethods` on a builder. */
export interface MinimalRoute {
  holder: BuilderRef;
  /** The class the call is written in, for the constants it names. */
  owner?: string;
  methods: string[];
  /** The call's arguments that could be its pattern, in order (`null` for one that cannot). */
  patterns: (StringExpression | null)[];
  line: number;
  handler?: string;
  signature: string;
}

/** `parent.MapGroup(prefix)`. */
export interface MinimalGroup {
  id: string;
  parent: BuilderRef;
  owner?: string;
  prefix?: StringExpression;
  /** Made from an object, not a string: a project's own `MapGroup` overload may make the group (see `BuilderCall.result`). */
  viaMethod?: true;
}

/** A call that hands a builder to a method of the project: `group.MapUsers()` (an extension) or `Users.Map(group)`. */
export interface BuilderCall {
  parent: BuilderRef;
  method: string;
  /** The class written before a static call (`Users` in `Users.Map(group)`). */
  owner?: string;
  /** Which parameter of the called method receives the builder (the `this` of an extension is 0). */
  index: number;
  extension: boolean;
  /** The group of this file that receives what the called method returns. */
  result?: string;
}

/** A method of the file whose parameters hold route builders: where `BuilderRef` params point. */
export interface BuilderMethod {
  /** `Class.Method` (or `Class.Method.Local` for a local function): the `method` of a param ref. */
  key: string;
  name: string;
  owner: string;
  /** True for an extension method (`this IEndpointRouteBuilder app`). */
  extension: boolean;
}

/** Everything one C# file says about routing. */
export interface DotnetFacts {
  classes: DotnetClass[];
  /** String constants by `Class.NAME` (`const string`, `static readonly string`). */
  constants: Record<string, StringExpression>;
  routes: MinimalRoute[];
  groups: MinimalGroup[];
  calls: BuilderCall[];
  methods: BuilderMethod[];
  /** The builder each method of the file returns, by method key. */
  returns: Record<string, BuilderRef>;
  /** `app.UsePathBase("/x")`. */
  pathBases: StringExpression[];
  /** Conventional route patterns: `MapControllerRoute(pattern: …)`, `MapDefaultControllerRoute()`. */
  conventions: StringExpression[];
  /** Methods with attributes outside any class: a diff's hunks cut the class off. */
  orphans: (DotnetMethod & { owner?: string })[];
}
