import { declared, type DeclaredDependency, type ManifestReader } from './manifest-reader.js';
import { asRecord, parseTomlSide, readRuns, tomlLine, tomlSection } from './read-manifest-lines.js';

const SECTION_SCOPES: Record<string, string | undefined> = {
  dependencies: undefined,
  'dev-dependencies': 'dev',
  'build-dependencies': 'build',
};

function versionOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  const table = asRecord(value);
  if (typeof table.version === 'string') return table.version;
  return table.workspace === true ? 'workspace' : null;
}

/** `dependencies`, `dev-dependencies`, `workspace.dependencies`, `target.'cfg(…)'.dev-dependencies` → the section kind. */
function sectionKind(section: string): string | undefined {
  return Object.keys(SECTION_SCOPES).find((kind) => section === kind || section.endsWith(`.${kind}`));
}

function parseWhole(document: Record<string, unknown>): DeclaredDependency[] {
  const found: DeclaredDependency[] = [];
  const visit = (table: Record<string, unknown>) => {
    for (const [kind, scope] of Object.entries(SECTION_SCOPES)) {
      for (const [name, value] of Object.entries(asRecord(table[kind])))
        found.push(declared(name, versionOf(value), scope));
    }
  };
  visit(document);
  visit(asRecord(document.workspace));
  for (const target of Object.values(asRecord(document.target))) visit(asRecord(target));
  return found;
}

function readLines(run: { text: string }[]): DeclaredDependency[] {
  const found: DeclaredDependency[] = [];
  let section: string | undefined;
  for (const line of run) {
    const header = tomlSection(line.text);
    if (header !== undefined) {
      section = header;
      continue;
    }
    const pair = tomlLine(line.text);
    if (!pair) continue;
    const kind = section === undefined ? undefined : sectionKind(section);
    // [dependencies.serde] followed by `version = "1"`.
    const table =
      section === undefined
        ? undefined
        : /^(?:.*\.)?(dependencies|dev-dependencies|build-dependencies)\.([\w-]+)$/.exec(section);
    if (table?.[2] && pair[0] === 'version')
      found.push(declared(table[2], versionOf(pair[1]), SECTION_SCOPES[table[1] ?? '']));
    else if (kind !== undefined) found.push(declared(pair[0], versionOf(pair[1]), SECTION_SCOPES[kind]));
    else if (section === undefined && typeof asRecord(pair[1]).version === 'string')
      found.push(declared(pair[0], versionOf(pair[1])));
  }
  return found;
}

/** `Cargo.toml`: dependencies, dev- and build-dependencies, workspace and target-specific tables. */
export const cargoToml: ManifestReader = {
  matches: /(^|\/)Cargo\.toml$/,
  ecosystem: 'cargo',
  lockfile: false,
  read(side) {
    const document = parseTomlSide(side);
    return document ? parseWhole(document) : readRuns(side, readLines);
  },
};
