import { evaluateString, type StringExpression } from '../string-expression.js';
import type { JvmFacts, JvmType } from './jvm-facts.js';

/** A type of the project side, with the file that declares it. */
export interface TypeRef {
  file: string;
  facts: JvmFacts;
  type: JvmType;
  /** Its fully qualified name. */
  fqn: string;
}

/** Where a name is read: a file, and the type it is written in (for nested names and inherited constants). */
export interface NameContext {
  file: string;
  facts: JvmFacts;
  owner?: string;
}

interface ConstantRef {
  expression: StringExpression;
  context: NameContext;
}

const MAX_DEPTH = 8;

function qualify(pkg: string, name: string): string {
  return pkg === '' ? name : `${pkg}.${name}`;
}

/** Finds types and constants of a project side by the names a file writes. */
export interface JvmTypeIndex {
  resolveType(name: string, context: NameContext): TypeRef | undefined;
  /** The supertypes of a type the side declares, closest first, each once. */
  hierarchyOf(type: TypeRef): TypeRef[];
  /** The value of a string constant named as a file writes it (`BASE`, `ApiPaths.USERS`), or undefined. */
  resolveConstant(ref: string, context: NameContext): string | undefined;
  /** Evaluates an expression read in a context; unresolved references come back as `{REF}`. */
  evaluate(expression: StringExpression, context: NameContext): string;
  /** Every type of the side. */
  types(): Iterable<TypeRef>;
}

/** Indexes every type and constant of a project side's facts by fully qualified name. */
export function createJvmTypeIndex(files: ReadonlyMap<string, JvmFacts>): JvmTypeIndex {
  const types = new Map<string, TypeRef>();
  const bySimpleName = new Map<string, TypeRef[]>();
  const constants = new Map<string, ConstantRef>();
  for (const [file, facts] of files) {
    for (const type of facts.types) {
      const ref: TypeRef = { file, facts, type, fqn: qualify(facts.package, type.name) };
      types.set(ref.fqn, ref);
      const simple = type.name.split('.').pop() ?? type.name;
      const sameName = bySimpleName.get(simple);
      if (sameName) sameName.push(ref);
      else bySimpleName.set(simple, [ref]);
    }
    for (const [key, expression] of Object.entries(facts.constants)) {
      const dot = key.lastIndexOf('.');
      const context: NameContext = dot < 0 ? { file, facts } : { file, facts, owner: key.slice(0, dot) };
      constants.set(qualify(facts.package, key), { expression, context });
    }
  }

  const importedAs = (name: string, facts: JvmFacts): string[] => {
    const found: string[] = [];
    for (const imported of facts.imports) {
      if (imported.wildcard) found.push(`${imported.name}.${name}`);
      else if ((imported.alias ?? imported.name.split('.').pop()) === name) found.unshift(imported.name);
    }
    return found;
  };

  /** Enclosing types of the context, innermost first: `A.B` gives `A.B`, `A`. */
  const enclosing = (context: NameContext): string[] => {
    const parts = context.owner?.split('.') ?? [];
    return parts.map((_part, index) => parts.slice(0, parts.length - index).join('.'));
  };

  const resolveSimpleType = (name: string, context: NameContext): TypeRef | undefined => {
    const { facts } = context;
    const candidates = [
      ...enclosing(context).map((outer) => qualify(facts.package, `${outer}.${name}`)),
      ...importedAs(name, facts).filter((fqn) => !fqn.endsWith('.*')),
      qualify(facts.package, name),
    ];
    for (const fqn of candidates) {
      const found = types.get(fqn);
      if (found) return found;
    }
    const sameName = bySimpleName.get(name) ?? [];
    return sameName.length === 1 ? sameName[0] : undefined;
  };

  const resolveType = (name: string, context: NameContext): TypeRef | undefined => {
    const dot = name.indexOf('.');
    if (dot < 0) return resolveSimpleType(name, context);
    const outer = resolveSimpleType(name.slice(0, dot), context);
    return (outer ? types.get(`${outer.fqn}${name.slice(dot)}`) : undefined) ?? types.get(name);
  };

  const hierarchyOf = (start: TypeRef): TypeRef[] => {
    const seen = new Set<string>([start.fqn]);
    const found: TypeRef[] = [];
    let frontier = [start];
    for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
      const next: TypeRef[] = [];
      for (const current of frontier) {
        const context = { file: current.file, facts: current.facts, owner: current.type.name };
        for (const written of current.type.supertypes) {
          const parent = resolveType(written, context);
          if (!parent || seen.has(parent.fqn)) continue;
          seen.add(parent.fqn);
          found.push(parent);
          next.push(parent);
        }
      }
      frontier = next;
    }
    return found;
  };

  const findConstant = (ref: string, context: NameContext): ConstantRef | undefined => {
    const { facts } = context;
    const dot = ref.lastIndexOf('.');
    if (dot >= 0) {
      const owner = resolveType(ref.slice(0, dot), context);
      return constants.get(`${owner?.fqn ?? ref.slice(0, dot)}${ref.slice(dot)}`);
    }
    for (const outer of enclosing(context)) {
      const own = constants.get(qualify(facts.package, `${outer}.${ref}`));
      if (own) return own;
      const type = types.get(qualify(facts.package, outer));
      for (const parent of type ? hierarchyOf(type) : []) {
        const inherited = constants.get(`${parent.fqn}.${ref}`);
        if (inherited) return inherited;
      }
    }
    for (const fqn of [...importedAs(ref, facts), qualify(facts.package, ref)]) {
      const found = constants.get(fqn);
      if (found) return found;
    }
    return undefined;
  };

  const resolveConstant = (ref: string, context: NameContext, depth = 0): string | undefined => {
    const found = depth < MAX_DEPTH ? findConstant(ref, context) : undefined;
    if (!found) return undefined;
    return evaluateString(found.expression, (inner) => resolveConstant(inner, found.context, depth + 1));
  };

  return {
    resolveType,
    hierarchyOf,
    resolveConstant: (ref, context) => resolveConstant(ref, context),
    evaluate: (expression, context) =>
      expression
        .map((piece) =>
          'ref' in piece ? (resolveConstant(piece.ref, context) ?? `{${piece.ref}}`) : piece.text,
        )
        .join(''),
    types: () => types.values(),
  };
}
