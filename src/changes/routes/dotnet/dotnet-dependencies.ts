import path from 'node:path';
import type { ProjectSide } from '../route-family.js';
import { referencesOf } from '../string-expression.js';
import type { DotnetFacts } from './dotnet-facts.js';

const FRAMEWORK_BASES = /^(?:ControllerBase|Controller|I[A-Z]\w*)$/;
const byBasename = new WeakMap<ProjectSide, Map<string, string[]>>();

/** The project's C# files by name (`Users.cs` → paths), listed once per side. */
function filesNamed(side: ProjectSide): Map<string, string[]> {
  let found = byBasename.get(side);
  if (!found) {
    found = new Map();
    for (const file of side.filesUnder(side.project)) {
      if (!file.endsWith('.cs')) continue;
      const name = path.posix.basename(file, '.cs');
      const list = found.get(name);
      if (list) list.push(file);
      else found.set(name, [file]);
    }
    byBasename.set(side, found);
  }
  return found;
}

/**
 * The project files a C# file's facts refer to: the files named after its base classes
 * and after the classes whose constants its templates read (C# does not tie files to
 * classes, but projects name them alike), and the files that declare the methods it
 * hands a route builder to.
 */
export function dotnetDependencies(facts: DotnetFacts, file: string, side: ProjectSide): string[] {
  const names = new Set<string>();
  for (const type of facts.classes)
    for (const base of type.bases) if (!FRAMEWORK_BASES.test(base)) names.add(base);
  const expressions = [
    ...facts.classes.flatMap((type) => [
      ...type.attributes,
      ...type.methods.flatMap((method) => method.attributes),
    ]),
    ...facts.orphans.flatMap((method) => method.attributes),
  ].flatMap((attribute) => [
    ...attribute.args.filter((arg) => arg !== null),
    ...Object.values(attribute.named),
  ]);
  const refs = referencesOf([
    ...expressions,
    ...facts.routes.flatMap((route) => route.patterns.filter((pattern) => pattern !== null)),
    ...facts.groups.flatMap((group) => (group.prefix ? [group.prefix] : [])),
  ]);
  for (const ref of refs)
    if (ref.includes('.')) names.add(ref.slice(0, ref.lastIndexOf('.')).split('.').pop() ?? ref);
  const found = new Set<string>();
  const named = filesNamed(side);
  for (const name of names)
    for (const candidate of named.get(name.replace(/<.*$/s, '').split('.').pop() ?? name) ?? [])
      found.add(candidate);
  for (const call of facts.calls)
    for (const mentioning of side.mentioning?.(call.method) ?? []) found.add(mentioning);
  found.delete(file);
  return [...found];
}
