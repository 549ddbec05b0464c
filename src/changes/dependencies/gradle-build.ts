import { declared, type DeclaredDependency, type ManifestReader } from './manifest-reader.js';
import { asRecord, parseTomlSide, readRuns, tomlLine, tomlSection } from './read-manifest-lines.js';

const CONFIGURATION =
  /^\s*(implementation|api|compileOnly|runtimeOnly|testImplementation|testRuntimeOnly|testCompileOnly|annotationProcessor|kapt|ksp|developmentOnly|classpath|compile|testCompile|androidTestImplementation|integrationTestImplementation)\s*(?:\(\s*)?(?:(?:platform|enforcedPlatform)\s*\(\s*)?['"]([^'":]+):([^'":]+)(?::([^'"@]+))?[^'"]*['"]/;
const MAP_STYLE =
  /^\s*(\w+)\s*\(?\s*group\s*[:=]\s*['"]([^'"]+)['"]\s*,\s*name\s*[:=]\s*['"]([^'"]+)['"](?:\s*,\s*version\s*[:=]\s*['"]([^'"]+)['"])?/;
const PLUGIN = /^\s*id\s*\(?\s*['"]([^'"]+)['"]\s*\)?\s+version\s*\(?\s*['"]([^'"]+)['"]/;

function scopeOf(configuration: string): string | undefined {
  if (/^(test|androidTest|integrationTest)/.test(configuration)) return 'test';
  if (/^(annotationProcessor|kapt|ksp|compileOnly|classpath|developmentOnly)$/.test(configuration))
    return 'build';
  return undefined;
}

/** `build.gradle` / `build.gradle.kts`: dependency declarations (string and map notation) and versioned plugins, line by line. */
export const gradleBuild: ManifestReader = {
  matches: /(^|\/)build\.gradle(\.kts)?$/,
  ecosystem: 'gradle',
  lockfile: false,
  read: (side) =>
    side.lines.flatMap((line): DeclaredDependency[] => {
      if (/^\s*\/\//.test(line.text)) return [];
      const coordinates = CONFIGURATION.exec(line.text);
      if (coordinates)
        return [
          declared(
            `${coordinates[2]}:${coordinates[3]}`,
            coordinates[4] ?? null,
            scopeOf(coordinates[1] ?? ''),
          ),
        ];
      const mapped = MAP_STYLE.exec(line.text);
      if (mapped) return [declared(`${mapped[2]}:${mapped[3]}`, mapped[4] ?? null, scopeOf(mapped[1] ?? ''))];
      const plugin = PLUGIN.exec(line.text);
      return plugin ? [declared(plugin[1] ?? '', plugin[2] ?? null, 'plugin')] : [];
    }),
};

function catalogVersion(value: unknown, versions: Record<string, unknown>): string | null {
  const table = asRecord(value);
  const version = table.version;
  if (typeof version === 'string') return version;
  const reference = asRecord(version).ref;
  return typeof reference === 'string' && typeof versions[reference] === 'string'
    ? (versions[reference] as string)
    : null;
}

function catalogEntry(
  value: unknown,
  versions: Record<string, unknown>,
  scope?: string,
): DeclaredDependency | undefined {
  if (typeof value === 'string') {
    const [group, name, version] = value.split(':');
    return group && name
      ? declared(`${group}:${name}`, version ?? null, scope)
      : declared(value, null, scope);
  }
  const table = asRecord(value);
  const module =
    typeof table.module === 'string'
      ? table.module
      : typeof table.group === 'string' && typeof table.name === 'string'
        ? `${table.group}:${table.name}`
        : typeof table.id === 'string'
          ? table.id
          : undefined;
  return module ? declared(module, catalogVersion(value, versions), scope) : undefined;
}

/** Gradle version catalogs (`gradle/libs.versions.toml`): libraries and plugins with `version.ref` resolved; hunks only: `[versions]` entries. */
export const gradleVersionCatalog: ManifestReader = {
  matches: /(^|\/)[\w.-]*\.versions\.toml$/,
  ecosystem: 'gradle',
  lockfile: false,
  read(side) {
    const document = parseTomlSide(side);
    if (document) {
      const versions = asRecord(document.versions);
      return [
        ...Object.values(asRecord(document.libraries)).flatMap(
          (value) => catalogEntry(value, versions) ?? [],
        ),
        ...Object.values(asRecord(document.plugins)).flatMap(
          (value) => catalogEntry(value, versions, 'plugin') ?? [],
        ),
      ];
    }
    return readRuns(side, (run) => {
      const found: DeclaredDependency[] = [];
      let section: string | undefined;
      for (const line of run) {
        section = tomlSection(line.text) ?? section;
        const pair = tomlLine(line.text);
        if (!pair) continue;
        if (section === 'versions' && typeof pair[1] === 'string')
          found.push(declared(pair[0], pair[1], 'property'));
        else if (section === 'libraries' || section === 'plugins') {
          const dependency = catalogEntry(pair[1], {}, section === 'plugins' ? 'plugin' : undefined);
          if (dependency) found.push(dependency);
        }
      }
      return found;
    });
  },
};
