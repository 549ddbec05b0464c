import type { LinkInput } from '../route-family.js';
import { dedupeRoutes, joinRoutePath, type RouteEntry } from '../route-entry.js';
import { controllerRoutes } from './aspnet-controller-routes.js';
import type { DotnetClass, DotnetFacts, DotnetMethod } from './dotnet-facts.js';
import { createDotnetTypeIndex, type ClassRef } from './dotnet-type-index.js';
import { knownTemplate, minimalApiRoutes } from './minimal-api-routes.js';

/** A diff's fragments: methods cut off from their class go to the class declared above them, or to a nameless one. */
function fragmentClasses(files: ReadonlyMap<string, DotnetFacts>, classes: ClassRef[]): ClassRef[] {
  const found: ClassRef[] = [];
  for (const [file, facts] of files) {
    const loose: DotnetMethod[] = [];
    const attached = new Map<string, DotnetMethod[]>();
    for (const orphan of facts.orphans) {
      if (orphan.owner === undefined) loose.push(orphan);
      else attached.set(orphan.owner, [...(attached.get(orphan.owner) ?? []), orphan]);
    }
    for (const [owner, methods] of attached) {
      const ref = classes.find((candidate) => candidate.file === file && candidate.type.name === owner);
      if (ref) found.push({ ...ref, type: { ...ref.type, methods: [...ref.type.methods, ...methods] } });
    }
    if (loose.length > 0) {
      const type: DotnetClass = {
        name: '',
        line: 0,
        attributes: [],
        bases: [],
        kind: 'class',
        methods: loose,
      };
      found.push({ file, facts, type });
    }
  }
  return found;
}

/**
 * The route table of one ASP.NET Core project side: controller attribute routes (and
 * conventional ones where the project maps a pattern), minimal APIs under their groups
 * across files, all under the literal `UsePathBase` prefix when there is one.
 */
export function linkDotnetRoutes(input: LinkInput<DotnetFacts>): RouteEntry[] {
  const index = createDotnetTypeIndex(input.files);
  const lenient = !input.complete;
  const all = [...input.files.entries()];
  const conventions = all.flatMap(([file, facts]) =>
    facts.conventions.map((pattern) => knownTemplate(pattern, { file }, index)),
  );
  const scope = { index, conventions, lenient };
  let classes = index.classes();
  if (lenient) {
    const fragments = fragmentClasses(input.files, classes);
    const replaced = new Set(fragments.map((ref) => `${ref.file}\0${ref.type.name}`));
    classes = [...classes.filter((ref) => !replaced.has(`${ref.file}\0${ref.type.name}`)), ...fragments];
  }
  const entries = [
    ...classes.flatMap((ref) => controllerRoutes(ref, scope)),
    ...minimalApiRoutes(input.files, index),
  ];
  const base = all.flatMap(([file, facts]) =>
    facts.pathBases.map((path) => knownTemplate(path, { file }, index)),
  )[0];
  const prefixed = base
    ? entries.map((entry) => ({ ...entry, path: joinRoutePath(base, entry.path) }))
    : entries;
  return dedupeRoutes(prefixed);
}
