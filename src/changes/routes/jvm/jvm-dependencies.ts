import path from 'node:path';
import type { ProjectSide } from '../route-family.js';
import { referencesOf } from '../string-expression.js';
import { ROUTING_ANNOTATIONS } from './jvm-annotations.js';
import type { JvmFacts } from './jvm-facts.js';

const EXTENSIONS = ['.java', '.kt'];
// Annotations every controller carries and no project declares: no file to look for.
const FRAMEWORK_ANNOTATIONS = new Set([
  ...ROUTING_ANNOTATIONS,
  'RestController',
  'Controller',
  'ResponseBody',
  'RequestBody',
  'PathVariable',
  'RequestParam',
  'Validated',
  'Override',
]);

/** The names a file's facts refer to: supertypes, composed annotations, constant owners, sub-resources. */
function referencedNames(facts: JvmFacts): Set<string> {
  const names = new Set<string>();
  const methods = [...facts.types.flatMap((type) => type.methods), ...facts.orphans];
  const annotations = [
    ...facts.types.flatMap((type) => type.annotations),
    ...methods.flatMap((m) => m.annotations),
  ];
  for (const type of facts.types) for (const written of type.supertypes) names.add(written);
  for (const method of methods) if (method.returns !== undefined) names.add(method.returns);
  for (const annotation of annotations) {
    if (!FRAMEWORK_ANNOTATIONS.has(annotation.name)) names.add(annotation.name);
    for (const values of Object.values(annotation.args))
      for (const ref of referencesOf(values)) {
        const dot = ref.lastIndexOf('.');
        if (dot > 0) names.add(ref.slice(0, dot));
      }
  }
  return names;
}

/** The source root a file's package is laid out under (`src/main/java/`), when its folders follow the package. */
function sourceRootOf(file: string, pkg: string): string | undefined {
  const folder = path.posix.dirname(file);
  const packagePath = pkg.replace(/\./g, '/');
  if (packagePath === '') return `${folder}/`;
  if (folder === packagePath) return '';
  return folder.endsWith(`/${packagePath}`) ? folder.slice(0, folder.length - packagePath.length) : undefined;
}

/**
 * The project files a Java or Kotlin file's facts refer to, by the conventional layout: a
 * type `a.b.C` lives in `<source root>/a/b/C.java` (or `.kt`); an unqualified name is
 * imported, in the same package, or under a wildcard import.
 */
export function jvmDependencies(facts: JvmFacts, file: string, side: ProjectSide): string[] {
  const root = sourceRootOf(file, facts.package);
  const folder = path.posix.dirname(file);
  const found = new Set<string>();
  const tryType = (base: string): boolean => {
    const hit = EXTENSIONS.map((extension) => `${base}${extension}`).find((candidate) =>
      side.exists(candidate),
    );
    if (hit !== undefined) found.add(hit);
    return hit !== undefined;
  };
  const tryQualified = (fqn: string) => {
    // `a.b.Outer.Inner` and `a.b.Outer.CONSTANT` live in `a/b/Outer`: the longest prefix that is a file.
    const parts = fqn.split('.');
    if (root === undefined) return;
    for (let end = parts.length; end > 1; end--)
      if (tryType(`${root}${parts.slice(0, end).join('/')}`)) return;
  };
  for (const name of referencedNames(facts)) {
    const first = name.split('.')[0] ?? name;
    const imported = facts.imports.find(
      (candidate) => !candidate.wildcard && (candidate.alias ?? candidate.name.split('.').pop()) === first,
    );
    if (imported) {
      tryQualified(imported.name);
      continue;
    }
    tryType(`${folder}/${first}`);
    for (const wildcard of facts.imports.filter((candidate) => candidate.wildcard))
      tryQualified(`${wildcard.name}.${first}`);
    if (name.includes('.')) tryQualified(name);
  }
  // Static imports name constants (`import static a.b.Paths.USERS`) whose class holds them.
  for (const imported of facts.imports)
    if (/\.[A-Z][A-Z0-9_]*$/.test(imported.name)) tryQualified(imported.name);
  found.delete(file);
  return [...found];
}
