import path from 'node:path';
import type { DeclaredDependency } from '../../dependency-catalog.js';
import { dirnameRelative, joinRelative, type RepositoryIndex } from '../../repository-index.js';
import { listOf, pathOf, recordOf, stringOf, stringsOf, type UnknownRecord } from '../../untyped-value.js';
import { rustCatalog } from './rust-catalog.js';

export interface CargoManifest {
  file: string;
  manifest: UnknownRecord | undefined;
}

export async function readMemberManifests(
  index: RepositoryIndex,
  members: readonly string[],
): Promise<CargoManifest[]> {
  return Promise.all(
    members.map(async (member) => ({
      file: joinRelative(member, 'Cargo.toml'),
      manifest: recordOf(await index.readParsed(joinRelative(member, 'Cargo.toml'), 'toml')),
    })),
  );
}

/** The workspace crates a crate depends on by path (`core = { path = "../core" }`). */
export function pathDependencies(
  manifests: readonly CargoManifest[],
  candidates: readonly string[],
): string[] {
  return manifests.flatMap(({ file, manifest }) =>
    [manifest?.dependencies, manifest?.['build-dependencies']].flatMap((table) =>
      Object.values(recordOf(table) ?? {}).flatMap((spec) => {
        const where = stringOf(pathOf(spec, 'path'));
        if (where === undefined) return [];
        const target = path.posix
          .normalize(path.posix.join(dirnameRelative(file), where))
          .replace(/\/+$/, '');
        return candidates.includes(target) ? [target] : [];
      }),
    ),
  );
}

/** Workspace crates depend on each other by name; those are not outside dependencies. */
export function outsideCrates(
  manifests: readonly CargoManifest[],
  shared: UnknownRecord,
  locked: ReadonlyMap<string, string>,
  lockFile: string,
): DeclaredDependency[] {
  const internal = new Set(manifests.flatMap((m) => stringOf(pathOf(m.manifest, 'package', 'name')) ?? []));
  return manifests
    .flatMap(({ file: source, manifest: crate }) =>
      crate ? declaredCrates(crate, source, shared, locked, lockFile) : [],
    )
    .filter((crate) => !internal.has(crate.name));
}

/** Crates of `[dependencies]` (runtime) and `[dev-dependencies]`, `workspace = true` ones taking the workspace's constraint. */
export function declaredCrates(
  crate: UnknownRecord,
  source: string,
  shared: UnknownRecord,
  locked: ReadonlyMap<string, string>,
  lockFile: string,
): DeclaredDependency[] {
  const tables: Array<[unknown, boolean]> = [
    [crate.dependencies, false],
    [crate['dev-dependencies'], true],
    [pathOf(crate, 'workspace', 'dependencies'), false],
  ];
  return tables.flatMap(([table, dev]) =>
    Object.entries(recordOf(table) ?? {}).map(([name, spec]) => {
      const resolvedSpec = pathOf(spec, 'workspace') === true ? shared[name] : spec;
      const packageName = stringOf(pathOf(resolvedSpec, 'package')) ?? name;
      const constraint = stringOf(resolvedSpec) ?? stringOf(pathOf(resolvedSpec, 'version')) ?? null;
      const version = locked.get(packageName) ?? null;
      return { name: packageName, constraint, version, source: version ? lockFile : source, dev };
    }),
  );
}

/** Data stores named by crate features (`sqlx = { features = ["postgres"] }`). */
export function featureStores(
  crates: readonly DeclaredDependency[],
  manifests: ReadonlyArray<UnknownRecord | undefined>,
  shared: UnknownRecord,
): string[] {
  const features = new Map<string, string[]>();
  for (const manifest of [...manifests, { dependencies: shared }]) {
    for (const table of [manifest?.dependencies, manifest?.['dev-dependencies']]) {
      for (const [name, spec] of Object.entries(recordOf(table) ?? {}))
        features.set(name, [...(features.get(name) ?? []), ...stringsOf(pathOf(spec, 'features'))]);
    }
  }
  return crates.flatMap((crate) =>
    (features.get(crate.name) ?? []).flatMap((feature) =>
      rustCatalog
        .lookup(`${crate.name}[${feature}]`)
        .filter((e) => e.role === 'database')
        .map((e) => e.name),
    ),
  );
}

export function lockedVersions(lock: unknown): Map<string, string> {
  const versions = new Map<string, string>();
  for (const entry of listOf(pathOf(lock, 'package'))) {
    const name = stringOf(pathOf(entry, 'name'));
    const version = stringOf(pathOf(entry, 'version'));
    if (name && version && !versions.has(name)) versions.set(name, version);
  }
  return versions;
}
