import { pathOf, recordOf, stringOf, stringsOf } from '../../untyped-value.js';

/** A Gradle version catalog (gradle/libs.versions.toml), keyed by accessor (`spring.boot.starter.web`). */
export interface VersionCatalog {
  /** The catalog file, repository-relative, when there is one. */
  file: string | undefined;
  /** Coordinates `group:artifact[:version]` by library accessor. */
  libraries: Map<string, string>;
  /** Library accessors by bundle accessor. */
  bundles: Map<string, string[]>;
  /** Plugins by accessor; `source` is the catalog file, where their versions are pinned. */
  plugins: Map<string, { id: string; version: string | undefined; source: string }>;
}

/** Reads a parsed libs.versions.toml: `[versions]`, `[libraries]`, `[bundles]`, `[plugins]`, with `version.ref` resolved. */
export function readVersionCatalog(document: unknown, file?: string): VersionCatalog {
  const versions = recordOf(pathOf(document, 'versions')) ?? {};
  const versionOf = (entry: unknown): string | undefined => {
    const version = pathOf(entry, 'version');
    return (
      stringOf(version) ??
      stringOf(versions[stringOf(pathOf(version, 'ref')) ?? '']) ??
      stringOf(versions[stringOf(pathOf(entry, 'version.ref')) ?? '']) ??
      stringOf(pathOf(version, 'strictly')) ??
      stringOf(pathOf(version, 'prefer'))
    );
  };
  const catalog: VersionCatalog = { file, libraries: new Map(), bundles: new Map(), plugins: new Map() };
  for (const [alias, entry] of Object.entries(recordOf(pathOf(document, 'libraries')) ?? {})) {
    const module =
      stringOf(entry) ??
      stringOf(pathOf(entry, 'module')) ??
      joinModule(pathOf(entry, 'group'), pathOf(entry, 'name'));
    if (!module) continue;
    const version = stringOf(entry) === undefined ? versionOf(entry) : undefined;
    catalog.libraries.set(accessorOf(alias), version ? `${module}:${version}` : module);
  }
  for (const [alias, list] of Object.entries(recordOf(pathOf(document, 'bundles')) ?? {})) {
    catalog.bundles.set(accessorOf(alias), stringsOf(list).map(accessorOf));
  }
  for (const [alias, entry] of Object.entries(recordOf(pathOf(document, 'plugins')) ?? {})) {
    const text = stringOf(entry);
    const [id, version] = text ? text.split(':') : [stringOf(pathOf(entry, 'id')), versionOf(entry)];
    if (id)
      catalog.plugins.set(accessorOf(alias), { id, version, source: file ?? 'gradle/libs.versions.toml' });
  }
  return catalog;
}

/** Gradle turns `-`, `_` and `.` in aliases into `.` accessors. */
export function accessorOf(alias: string): string {
  return alias.replace(/[-_.]/g, '.');
}

function joinModule(group: unknown, name: unknown): string | undefined {
  const groupText = stringOf(group);
  const nameText = stringOf(name);
  return groupText && nameText ? `${groupText}:${nameText}` : undefined;
}
