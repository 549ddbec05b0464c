import { declared, type DeclaredDependency, type ManifestReader } from './manifest-reader.js';
import {
  asRecord,
  parseTomlSide,
  readRuns,
  tomlArrayItem,
  tomlLine,
  tomlSection,
} from './read-manifest-lines.js';
import { normalizePythonName, readRequirement } from './requirements-txt.js';

const NOT_DEPENDENCIES = new Set([
  'python',
  'name',
  'version',
  'description',
  'readme',
  'requires-python',
  'license',
  'authors',
  'packages',
  'include',
]);

function poetryVersion(value: unknown): string | null {
  if (typeof value === 'string') return value;
  const version = asRecord(value).version;
  return typeof version === 'string' ? version : null;
}

function requirementsOf(list: unknown, scope?: string): DeclaredDependency[] {
  return (Array.isArray(list) ? list : []).flatMap((item) =>
    typeof item === 'string' ? (readRequirement(item, scope) ?? []) : [],
  );
}

function poetryTable(table: unknown, scope?: string): DeclaredDependency[] {
  return Object.entries(asRecord(table))
    .filter(([name]) => !NOT_DEPENDENCIES.has(name))
    .map(([name, value]) => declared(normalizePythonName(name), poetryVersion(value), scope));
}

function parseWhole(document: Record<string, unknown>): DeclaredDependency[] {
  const project = asRecord(document.project);
  const poetry = asRecord(asRecord(document.tool).poetry);
  const found = requirementsOf(project.dependencies);
  for (const list of Object.values(asRecord(project['optional-dependencies'])))
    found.push(...requirementsOf(list, 'optional'));
  for (const list of Object.values(asRecord(document['dependency-groups'])))
    found.push(...requirementsOf(list, 'dev'));
  found.push(...requirementsOf(asRecord(asRecord(document.tool).uv)['dev-dependencies'], 'dev'));
  found.push(...poetryTable(poetry.dependencies), ...poetryTable(poetry['dev-dependencies'], 'dev'));
  for (const [group, body] of Object.entries(asRecord(poetry.group))) {
    found.push(...poetryTable(asRecord(body).dependencies, group === 'main' ? undefined : 'dev'));
  }
  return found;
}

function scopeOf(section: string | undefined, key: string | undefined): string | undefined {
  if (section === undefined) return undefined;
  if (section === 'project.optional-dependencies') return 'optional';
  if (
    section === 'dependency-groups' ||
    /dev-dependencies|^tool\.poetry\.group\.(?!main\.)/.test(section) ||
    key === 'dev-dependencies'
  )
    return 'dev';
  return undefined;
}

/** Hunks only: PEP 621 array items and Poetry `name = "^1.2"` lines, placed by the section header when one is in view. */
function readLines(run: { text: string }[]): DeclaredDependency[] {
  const found: DeclaredDependency[] = [];
  let section: string | undefined;
  let arrayKey: string | undefined;
  for (const line of run) {
    const header = tomlSection(line.text);
    if (header !== undefined) {
      section = header;
      arrayKey = undefined;
      continue;
    }
    const opening = /^\s*([\w-]+)\s*=\s*\[\s*$/.exec(line.text);
    if (opening) arrayKey = opening[1];
    const item = tomlArrayItem(line.text);
    if (item !== undefined) {
      const requirement = readRequirement(
        item,
        scopeOf(section, arrayKey) ??
          (section === 'project' && arrayKey !== 'dependencies' ? 'optional' : undefined),
      );
      if (requirement) found.push(requirement);
      continue;
    }
    const pair = tomlLine(line.text);
    if (!pair || NOT_DEPENDENCIES.has(pair[0])) continue;
    const inPoetry =
      section !== undefined &&
      /^tool\.poetry\.(dependencies|dev-dependencies|group\.[\w-]+\.dependencies)$/.test(section);
    const version = poetryVersion(pair[1]);
    // Outside a known section only a value that reads as a version constraint counts.
    if (inPoetry || (section === undefined && version !== null && /^[\^~<>=!*\d]/.test(version))) {
      found.push(declared(normalizePythonName(pair[0]), version, scopeOf(section, undefined)));
    }
  }
  return found;
}

/** `pyproject.toml`: PEP 621 dependencies and optional dependencies, PEP 735 groups, uv dev dependencies, Poetry tables. */
export const pyprojectToml: ManifestReader = {
  matches: /(^|\/)pyproject\.toml$/,
  ecosystem: 'pip',
  lockfile: false,
  read(side) {
    const document = parseTomlSide(side);
    return document ? parseWhole(document) : readRuns(side, readLines);
  },
};
