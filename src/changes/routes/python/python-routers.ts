import type { LinkInput } from '../route-family.js';
import { ROUTER_CLASSES } from './classify-python-expression.js';
import type { PythonFacts, PythonRouter, PythonRouterKind } from './python-facts.js';
import { lastName, ownEntry, type Place, type PlaceResolver } from './python-places.js';

const MAX_DEPTH = 12;

/** A router with its framework known. */
export type KnownRouter = PythonRouter & { kind: PythonRouterKind };

/** The framework class a project class extends, through its bases (`class NetBoxRouter(DefaultRouter)`). */
function classKind(
  input: LinkInput<PythonFacts>,
  places: PlaceResolver,
  place: Place | undefined,
  depth: number,
): PythonRouterKind | undefined {
  if (place?.kind !== 'class' || depth > MAX_DEPTH) return undefined;
  for (const base of ownEntry(input.files.get(place.file)?.classes, place.name)?.bases ?? []) {
    const name = lastName(base);
    const known = name === undefined ? undefined : ownEntry(ROUTER_CLASSES, name);
    const kind = known ?? classKind(input, places, places.resolve(place.file, base), depth + 1);
    if (kind) return kind;
  }
  return undefined;
}

/** A router from a class outside the project: a blueprint by its name, else the framework its file or project uses. */
function guessedKind(input: LinkInput<PythonFacts>, file: string, router: PythonRouter): PythonRouterKind {
  if (router.of && lastName(router.of)?.includes('Blueprint')) return 'flask';
  const imported = input.files.get(file)?.frameworks ?? [];
  for (const frameworks of [imported, input.frameworks]) {
    if (frameworks.includes('django') || frameworks.includes('djangorestframework')) return 'rest-framework';
    if (frameworks.includes('fastapi')) return 'fastapi';
    if (frameworks.includes('flask')) return 'flask';
  }
  return 'fastapi';
}

/** The routers of a project side, each with its framework: from its class name, else from the class it extends. */
export function createRouterLookup(
  input: LinkInput<PythonFacts>,
  places: PlaceResolver,
): (place: Place | undefined) => KnownRouter | undefined {
  const known = new Map<string, KnownRouter | undefined>();
  return (place) => {
    if (place?.kind !== 'router') return undefined;
    const key = `${place.file}|${place.id}`;
    if (known.has(key)) return known.get(key);
    const router = ownEntry(input.files.get(place.file)?.routers, place.id);
    let found: KnownRouter | undefined;
    if (router?.kind) found = { ...router, kind: router.kind };
    else if (router) {
      const of = router.of && places.resolve(place.file, router.of);
      found = { ...router, kind: classKind(input, places, of, 0) ?? guessedKind(input, place.file, router) };
    }
    known.set(key, found);
    return found;
  };
}
