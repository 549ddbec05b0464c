import { XMLParser } from 'fast-xml-parser';
import { declared, sideText, type DeclaredDependency, type ManifestReader } from './manifest-reader.js';
import { asRecord, readRuns, xmlLine } from './read-manifest-lines.js';

const POM = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => ['dependency', 'plugin'].includes(name),
});
const asList = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.map(asRecord) : [];
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value.trim() : undefined);

function scopeOf(kind: string, scope: string | undefined): string | undefined {
  if (kind === 'plugin') return 'plugin';
  if (scope === 'test') return 'test';
  if (scope === 'provided' || scope === 'system') return 'build';
  return scope === 'import' ? 'bom' : undefined;
}

function entry(
  kind: string,
  fields: Record<string, unknown>,
  properties: Record<string, unknown>,
): DeclaredDependency | undefined {
  const artifact = text(fields.artifactId);
  if (!artifact) return undefined;
  const group = text(fields.groupId) ?? (kind === 'plugin' ? 'org.apache.maven.plugins' : undefined);
  const written = text(fields.version);
  // ${spring.version} → the value of that property in the same pom.
  const resolved =
    written?.replace(/\$\{([^}]+)\}/g, (whole, name: string) => text(properties[name]) ?? whole) ?? null;
  return declared(group ? `${group}:${artifact}` : artifact, resolved, scopeOf(kind, text(fields.scope)));
}

function parseWhole(xml: string): DeclaredDependency[] | undefined {
  let project: Record<string, unknown>;
  try {
    project = asRecord((POM.parse(xml) as Record<string, unknown>).project);
  } catch {
    return undefined;
  }
  const properties = asRecord(project.properties);
  const build = asRecord(project.build);
  const candidates: [string, Record<string, unknown>][] = [
    ...asList(asRecord(project.dependencies).dependency).map((fields): [string, Record<string, unknown>] => [
      'dependency',
      fields,
    ]),
    ...asList(asRecord(asRecord(project.dependencyManagement).dependencies).dependency).map(
      (fields): [string, Record<string, unknown>] => ['dependency', fields],
    ),
    ...asList(asRecord(build.plugins).plugin).map((fields): [string, Record<string, unknown>] => [
      'plugin',
      fields,
    ]),
  ];
  if (project.parent) candidates.push(['parent', asRecord(project.parent)]);
  return candidates.flatMap(([kind, fields]) => entry(kind, fields, properties) ?? []);
}

/** Hunks only: coordinates gathered element by element, up to the block's end or the next artifactId. */
function readLines(run: { text: string }[]): DeclaredDependency[] {
  const found: DeclaredDependency[] = [];
  let kind = 'dependency';
  let fields: Record<string, unknown> = {};
  let inProperties = false;
  const flush = () => {
    const dependency = entry(kind, fields, {});
    if (dependency) found.push(dependency);
    fields = {};
  };
  for (const line of run) {
    const opening = /^\s*<(dependency|parent|plugin|properties)>\s*$/.exec(line.text)?.[1];
    if (opening === 'properties') inProperties = true;
    else if (opening) {
      flush();
      kind = opening;
    }
    if (/^\s*<\/(dependency|parent|plugin)>/.test(line.text)) flush();
    if (/^\s*<\/properties>/.test(line.text)) inProperties = false;
    const element = xmlLine(line.text);
    if (!element || typeof element.value !== 'string') continue;
    if (inProperties || /[.-]version$/.test(element.name)) {
      found.push(declared(element.name, element.value.trim(), 'property'));
    } else if (['groupId', 'artifactId', 'version', 'scope'].includes(element.name)) {
      if (element.name === 'artifactId' && fields.artifactId !== undefined) flush();
      fields[element.name] = element.value;
    }
  }
  flush();
  return found;
}

/** Maven `pom.xml`: dependencies, dependency management, the parent and build plugins, with `${property}` versions resolved. */
export const mavenPom: ManifestReader = {
  matches: /(^|\/)pom\.xml$/,
  ecosystem: 'maven',
  lockfile: false,
  read(side) {
    const whole = side.complete && side.lines.length > 0 ? parseWhole(sideText(side)) : undefined;
    return whole ?? readRuns(side, readLines);
  },
};
