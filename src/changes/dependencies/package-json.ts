import { readRuns } from './read-manifest-lines.js';
import { declared, sideText, type DeclaredDependency, type ManifestReader } from './manifest-reader.js';

const SECTIONS: Record<string, string | undefined> = {
  dependencies: undefined,
  devDependencies: 'dev',
  peerDependencies: 'peer',
  optionalDependencies: 'optional',
};
// A line outside any known section is a dependency only if its value reads as a version and its key is not package metadata.
const VERSION_LIKE =
  /^(\^|~|[<>]=?|=|\d|\*|x$|latest$|next$|workspace:|npm:|file:|link:|portal:|catalog:|git|github:|https?:)/;
const NOT_DEPENDENCIES = new Set([
  'name',
  'version',
  'description',
  'main',
  'module',
  'types',
  'typings',
  'license',
  'type',
  'node',
  'npm',
  'pnpm',
  'yarn',
  'bun',
  'packageManager',
]);

function parseWhole(text: string): DeclaredDependency[] | undefined {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof manifest !== 'object' || manifest === null) return [];
  const found: DeclaredDependency[] = [];
  for (const [section, scope] of Object.entries(SECTIONS)) {
    const entries = (manifest as Record<string, unknown>)[section];
    if (typeof entries !== 'object' || entries === null) continue;
    for (const [name, version] of Object.entries(entries)) {
      found.push(declared(name, typeof version === 'string' ? version : null, scope));
    }
  }
  return found;
}

/** Parses one `"key": "value"` line with the JSON parser. */
export function jsonPair(text: string): [string, unknown] | undefined {
  const trimmed = text.trim().replace(/,$/, '');
  if (!trimmed.startsWith('"')) return undefined;
  try {
    const parsed = JSON.parse(
      `{${trimmed.endsWith('{') ? `${trimmed}}` : trimmed.endsWith('[') ? `${trimmed}]` : trimmed}}`,
    ) as Record<string, unknown>;
    const entry = Object.entries(parsed)[0];
    return entry;
  } catch {
    return undefined;
  }
}

function readLines(lines: { text: string }[]): DeclaredDependency[] {
  const found: DeclaredDependency[] = [];
  // Unknown until a section opens in view: hunks rarely show their section's first line.
  let section: string | null | undefined;
  for (const line of lines) {
    const pair = jsonPair(line.text);
    if (/^\s*\}/.test(line.text)) section = null;
    if (!pair) continue;
    const [key, value] = pair;
    if (line.text.trim().endsWith('{')) {
      section = key;
      continue;
    }
    if (typeof value !== 'string') continue;
    const known = section !== undefined && section !== null && section in SECTIONS;
    const guessed = section === undefined && VERSION_LIKE.test(value) && !NOT_DEPENDENCIES.has(key);
    if (known || guessed) found.push(declared(key, value, known ? SECTIONS[section ?? ''] : undefined));
  }
  return found;
}

/** `package.json`: dependencies, devDependencies, peerDependencies, optionalDependencies. */
export const packageJson: ManifestReader = {
  matches: /(^|\/)package\.json$/,
  ecosystem: 'npm',
  lockfile: false,
  read(side) {
    const whole = side.complete ? parseWhole(sideText(side)) : undefined;
    if (whole) return whole;
    return readRuns(side, readLines);
  },
};
