import { evaluateString, type StringExpression } from '../string-expression.js';
import type { DotnetClass, DotnetFacts } from './dotnet-facts.js';

/** A class of the project side, with the file that declares it. */
export interface ClassRef {
  file: string;
  facts: DotnetFacts;
  type: DotnetClass;
}

/** Where a name is read: a file and the class it is written in. */
export interface DotnetContext {
  file: string;
  owner?: string;
}

const MAX_DEPTH = 8;

/** Finds classes and string constants of a C# project side by the names code writes (namespaces are not tracked). */
export interface DotnetTypeIndex {
  resolveClass(name: string, context: DotnetContext): ClassRef | undefined;
  /** Base classes of a class the side declares, closest first, each once. */
  hierarchyOf(type: ClassRef): ClassRef[];
  /** Evaluates an expression; unresolved references come back as `{REF}`. */
  evaluate(expression: StringExpression, context: DotnetContext): string;
  /** The value of an expression when every reference resolves; undefined otherwise. */
  tryEvaluate(expression: StringExpression, context: DotnetContext): string | undefined;
  classes(): ClassRef[];
}

/** Indexes every class and constant of a project side's C# facts. */
export function createDotnetTypeIndex(files: ReadonlyMap<string, DotnetFacts>): DotnetTypeIndex {
  const byName = new Map<string, ClassRef[]>();
  const all: ClassRef[] = [];
  const constants = new Map<string, { expression: StringExpression; context: DotnetContext }>();
  const add = (key: string, ref: ClassRef) => {
    const list = byName.get(key);
    if (list) list.push(ref);
    else byName.set(key, [ref]);
  };
  for (const [file, facts] of files) {
    for (const type of facts.classes) {
      const ref = { file, facts, type };
      all.push(ref);
      add(type.name, ref);
      const simple = type.name.split('.').pop() ?? type.name;
      if (simple !== type.name) add(simple, ref);
    }
    for (const [key, expression] of Object.entries(facts.constants)) {
      const owner = key.slice(0, key.lastIndexOf('.'));
      constants.set(`${file}\0${key}`, { expression, context: { file, owner } });
    }
  }

  const resolveClass = (name: string, context: DotnetContext): ClassRef | undefined => {
    // `Api.Routes.Users` may be namespace-qualified: try the longest suffix that names a class.
    const parts = name.replace(/<.*$/s, '').split('.');
    for (let start = 0; start < parts.length; start++) {
      const candidates = byName.get(parts.slice(start).join('.')) ?? [];
      const found = candidates.find((candidate) => candidate.file === context.file) ?? candidates[0];
      if (found) return found;
    }
    return undefined;
  };

  const hierarchyOf = (start: ClassRef): ClassRef[] => {
    const found: ClassRef[] = [];
    const seen = new Set<ClassRef>([start]);
    for (let current: ClassRef | undefined = start; current && found.length < MAX_DEPTH;) {
      const context: DotnetContext = { file: current.file, owner: current.type.name };
      const parent: ClassRef | undefined = current.type.bases
        .map((base) => resolveClass(base, context))
        .find(
          (candidate) =>
            candidate !== undefined && candidate.type.kind !== 'interface' && !seen.has(candidate),
        );
      if (!parent) break;
      seen.add(parent);
      found.push(parent);
      current = parent;
    }
    return found;
  };

  const findConstant = (ref: string, context: DotnetContext) => {
    const dot = ref.lastIndexOf('.');
    if (dot >= 0) {
      const owner = resolveClass(ref.slice(0, dot), context);
      return owner ? constants.get(`${owner.file}\0${owner.type.name}${ref.slice(dot)}`) : undefined;
    }
    const outers = context.owner?.split('.') ?? [];
    for (let end = outers.length; end > 0; end--) {
      const owner = outers.slice(0, end).join('.');
      const own = constants.get(`${context.file}\0${owner}.${ref}`);
      if (own) return own;
      const type = byName.get(owner)?.find((candidate) => candidate.file === context.file);
      for (const parent of type ? hierarchyOf(type) : []) {
        const inherited = constants.get(`${parent.file}\0${parent.type.name}.${ref}`);
        if (inherited) return inherited;
      }
    }
    return undefined;
  };

  const resolveConstant = (ref: string, context: DotnetContext, depth: number): string | undefined => {
    const found = depth < MAX_DEPTH ? findConstant(ref, context) : undefined;
    if (!found) return undefined;
    return evaluateString(found.expression, (inner) => resolveConstant(inner, found.context, depth + 1));
  };

  return {
    resolveClass,
    hierarchyOf,
    evaluate: (expression, context) =>
      expression
        .map((piece) =>
          'ref' in piece ? (resolveConstant(piece.ref, context, 0) ?? `{${piece.ref}}`) : piece.text,
        )
        .join(''),
    tryEvaluate: (expression, context) =>
      evaluateString(expression, (ref) => resolveConstant(ref, context, 0)),
    classes: () => all,
  };
}
