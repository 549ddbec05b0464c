import type { StringExpression } from '../string-expression.js';

/** An annotation as written on a class or a method: `@GetMapping(value = "/{id}", produces = "…")`. */
export interface JvmAnnotation {
  /** The last segment of its name (`GetMapping` for `@org.springframework…GetMapping`). */
  name: string;
  line: number;
  /** Arguments by name; an unnamed argument is `value`. Arrays are flattened into the list. */
  args: Record<string, StringExpression[]>;
  /** Whitespace-free text of the arguments other than paths and methods, for signatures. */
  options: string;
}

/** A method that carries routing annotations. */
export interface JvmMethod {
  name: string;
  annotations: JvmAnnotation[];
  /** The declared return type's simple name (JAX-RS sub-resource locators return the resource). */
  returns?: string;
}

/** What kind of type a declaration is: only concrete classes serve requests. */
export type JvmTypeKind = 'class' | 'abstract' | 'interface' | 'annotation';

/** A class, interface or object of a file, with what routing needs of it. */
export interface JvmType {
  /** Its name within the package: `Outer.Inner` for a nested type. */
  name: string;
  kind: JvmTypeKind;
  line: number;
  annotations: JvmAnnotation[];
  /** Superclass and interfaces as written (generic arguments dropped). */
  supertypes: string[];
  methods: JvmMethod[];
}

/** An import: `a.b.C`, `a.b.*`, `static a.b.C.NAME`; Kotlin's `as` alias too. */
export interface JvmImport {
  name: string;
  wildcard: boolean;
  alias?: string;
}

/** Everything one Java or Kotlin file says about routing. */
export interface JvmFacts {
  package: string;
  imports: JvmImport[];
  types: JvmType[];
  /**
   * String constants by name within the package: `Class.NAME` for a static final field or a
   * `const val` of an object or companion, `NAME` for a top-level Kotlin `const val`.
   */
  constants: Record<string, StringExpression>;
  /**
   * Methods with routing annotations outside any type: a diff's hunks without the lines
   * between them cut the class declaration off. Each names the type declared above it in
   * the file, if any, as its owner.
   */
  orphans: (JvmMethod & { owner?: string })[];
}

/** Annotations that make an interface a client of another service (Feign, MicroProfile, Micronaut, Spring HTTP interfaces): its mappings are calls it makes, not routes it serves. */
export const CLIENT_ANNOTATIONS = new Set(['FeignClient', 'RegisterRestClient', 'Client', 'HttpExchange']);
