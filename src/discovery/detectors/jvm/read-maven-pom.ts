import path from 'node:path';
import { dirnameRelative, type RepositoryIndex } from '../../repository-index.js';
import { listOf, pathOf, recordOf, stringOf, type UnknownRecord } from '../../untyped-value.js';

export interface MavenCoordinate {
  groupId: string;
  artifactId: string;
  /** Interpolated, or undefined when not declared. */
  version: string | undefined;
  scope: string | undefined;
}

/** A pom.xml with its in-repository parents' properties and managed versions applied. */
export interface MavenPom {
  file: string;
  /** `groupId:artifactId` of the pom itself (the groupId inherited from the parent when not set). */
  coordinate: string;
  /** `<packaging>`, `jar` when not set. */
  packaging: string;
  parent: MavenCoordinate | undefined;
  /** The parent, its parent and so on, as far as the repository holds them (the last one may be outside). */
  lineage: MavenCoordinate[];
  properties: Map<string, string>;
  dependencies: MavenCoordinate[];
  /** Versions from `dependencyManagement` (own and parents'), by `groupId:artifactId`. */
  managed: Map<string, string>;
  /** Build plugins the pom declares itself (not inherited). */
  ownPlugins: MavenCoordinate[];
  /** BOMs imported in `dependencyManagement` (scope import). */
  imports: MavenCoordinate[];
  plugins: MavenCoordinate[];
  modules: string[];
}

const MAX_PARENTS = 8;

/**
 * Reads a pom.xml with fast-xml-parser. Parents found in the repository (by
 * `relativePath`, `../pom.xml` by default) contribute properties and managed versions,
 * so `${spring.version}` and versionless dependencies resolve as Maven would.
 */
export async function readMavenPom(
  index: RepositoryIndex,
  file: string,
  depth = 0,
): Promise<MavenPom | undefined> {
  const project = recordOf(pathOf(await index.readParsed(file, 'xml'), 'project'));
  if (!project) return undefined;
  const parentPom = depth < MAX_PARENTS ? await readParent(index, file, project, depth) : undefined;
  const properties = new Map(parentPom?.properties);
  for (const [key, value] of Object.entries(recordOf(project.properties) ?? {}))
    properties.set(key, stringOf(value) ?? '');
  const version = stringOf(project.version) ?? stringOf(pathOf(project, 'parent', 'version'));
  if (version) properties.set('project.version', version);
  const interpolate = (value: string | undefined): string | undefined =>
    interpolateProperties(value, properties);
  const coordinates = (list: unknown): MavenCoordinate[] =>
    listOf(list).flatMap((entry) => coordinateOf(entry, interpolate));
  const managedList = coordinates(pathOf(project, 'dependencyManagement', 'dependencies', 'dependency'));
  const managed = new Map(parentPom?.managed);
  for (const entry of managedList)
    if (entry.version && entry.scope !== 'import')
      managed.set(`${entry.groupId}:${entry.artifactId}`, entry.version);
  const profiles = listOf(pathOf(project, 'profiles', 'profile'));
  const parent = coordinateOf(project.parent, interpolate)[0];
  const groupId = stringOf(project.groupId) ?? parent?.groupId ?? '';
  return {
    file,
    coordinate: `${groupId}:${stringOf(project.artifactId) ?? ''}`,
    packaging: stringOf(project.packaging) ?? 'jar',
    parent,
    lineage: [...(parent ? [parent] : []), ...(parentPom?.lineage ?? [])],
    properties,
    dependencies: coordinates(pathOf(project, 'dependencies', 'dependency')),
    managed,
    imports: [...(parentPom?.imports ?? []), ...managedList.filter((entry) => entry.scope === 'import')],
    ownPlugins: coordinates(pathOf(project, 'build', 'plugins', 'plugin')),
    // Build plugins are inherited from the parent.
    plugins: [
      ...(parentPom?.plugins ?? []),
      ...coordinates(pathOf(project, 'build', 'plugins', 'plugin')),
      ...coordinates(pathOf(project, 'build', 'pluginManagement', 'plugins', 'plugin')),
    ],
    modules: [
      pathOf(project, 'modules', 'module'),
      ...profiles.map((profile) => pathOf(profile, 'modules', 'module')),
    ].flatMap((list) => listOf(list).flatMap((module) => stringOf(module) ?? [])),
  };
}

async function readParent(
  index: RepositoryIndex,
  file: string,
  project: UnknownRecord,
  depth: number,
): Promise<MavenPom | undefined> {
  const parent = recordOf(project.parent);
  if (!parent) return undefined;
  const relative = stringOf(parent.relativePath) ?? '../pom.xml';
  if (relative === '') return undefined;
  let target = path.posix.normalize(path.posix.join(dirnameRelative(file), relative));
  if (!target.endsWith('.xml')) target = path.posix.join(target, 'pom.xml');
  if (target.startsWith('../') || !index.has(target)) return undefined;
  return readMavenPom(index, target, depth + 1);
}

function coordinateOf(
  entry: unknown,
  interpolate: (value: string | undefined) => string | undefined,
): MavenCoordinate[] {
  const groupId = interpolate(stringOf(pathOf(entry, 'groupId'))) ?? 'org.apache.maven.plugins';
  const artifactId = interpolate(stringOf(pathOf(entry, 'artifactId')));
  if (!artifactId) return [];
  return [
    {
      groupId,
      artifactId,
      version: interpolate(stringOf(pathOf(entry, 'version'))),
      scope: stringOf(pathOf(entry, 'scope')),
    },
  ];
}

/** Replaces `${name}` with known properties (repeatedly, for properties defined by properties). */
export function interpolateProperties(
  value: string | undefined,
  properties: ReadonlyMap<string, string>,
): string | undefined {
  if (value === undefined) return undefined;
  let current = value;
  for (let round = 0; round < 5 && current.includes('${'); round++) {
    current = current.replace(/\$\{([^}]+)\}/g, (whole, name: string) => properties.get(name) ?? whole);
  }
  return current.includes('${') ? undefined : current;
}
