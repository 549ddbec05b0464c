import { parse as parseYamlText } from 'yaml';
import { parseStructuredText } from '../../parse-structured-text.js';
import { joinRelative, type RepositoryIndex } from '../../repository-index.js';
import { selectYamlSections } from '../../select-yaml-sections.js';
import { pathOf, recordOf, stringOf } from '../../untyped-value.js';

export type NodePackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

/** Resolved versions from a lockfile, looked up per workspace importer (`.` or `packages/api`). */
export interface NodeLockfile {
  /** Repository-relative path of the lockfile. */
  file: string;
  /** Yarn 2+ ("berry") lockfiles are YAML and need `--immutable` instead of `--frozen-lockfile`. */
  yarnBerry: boolean;
  versionOf(name: string, importer: string, constraint: string | null): string | undefined;
}

export const LOCKFILE_NAMES: Readonly<Record<NodePackageManager, readonly string[]>> = {
  pnpm: ['pnpm-lock.yaml'],
  yarn: ['yarn.lock'],
  bun: ['bun.lock', 'bun.lockb'],
  npm: ['package-lock.json', 'npm-shrinkwrap.json'],
};

/** Reads the package manager's lockfile in `dir`; undefined when there is none or it cannot be parsed. */
export async function readNodeLockfile(
  index: RepositoryIndex,
  dir: string,
  manager: NodePackageManager,
): Promise<NodeLockfile | undefined> {
  const file = LOCKFILE_NAMES[manager].map((name) => joinRelative(dir, name)).find((path) => index.has(path));
  if (!file) return undefined;
  if (file.endsWith('.lockb')) return { file, yarnBerry: false, versionOf: () => undefined };
  if (manager === 'yarn') return readYarnLock(index, file);
  if (manager === 'pnpm') return readPnpmLock(index, file);
  const parsed = await index.readParsed(file, manager === 'bun' ? 'jsonc' : 'json');
  if (parsed === undefined) return undefined;
  return { file, yarnBerry: false, versionOf: manager === 'bun' ? bunVersions(parsed) : npmVersions(parsed) };
}

/** The sections of pnpm-lock.yaml that name each importer's resolved versions. */
const PNPM_SECTIONS = new Set([
  'lockfileVersion',
  'importers',
  'dependencies',
  'devDependencies',
  'optionalDependencies',
]);

async function readPnpmLock(index: RepositoryIndex, file: string): Promise<NodeLockfile | undefined> {
  const text = await index.readText(file);
  if (text === undefined) return undefined;
  const outcome = parseStructuredText(selectYamlSections(text, PNPM_SECTIONS), 'yaml');
  if (!outcome.ok) {
    index.warn(file, outcome.message);
    return undefined;
  }
  return { file, yarnBerry: false, versionOf: pnpmVersions(outcome.value) };
}

function npmVersions(lock: unknown): NodeLockfile['versionOf'] {
  const packages = recordOf(pathOf(lock, 'packages'));
  const legacy = recordOf(pathOf(lock, 'dependencies'));
  return (name, importer) => {
    const nested = importer === '.' ? undefined : packages?.[`${importer}/node_modules/${name}`];
    const entry = nested ?? packages?.[`node_modules/${name}`];
    if (entry && pathOf(entry, 'link') !== true) return stringOf(pathOf(entry, 'version'));
    return stringOf(pathOf(legacy?.[name], 'version'));
  };
}

function pnpmVersions(lock: unknown): NodeLockfile['versionOf'] {
  const importers = recordOf(pathOf(lock, 'importers'));
  return (name, importer) => {
    // Lockfiles of a single project (v5/v6) keep the root's dependencies at the top level.
    const owner = importers ? importers[importer] : lock;
    for (const group of ['dependencies', 'devDependencies', 'optionalDependencies']) {
      const entry = pathOf(owner, group, name);
      const raw = stringOf(entry) ?? stringOf(pathOf(entry, 'version'));
      if (raw !== undefined) return cleanPnpmVersion(raw);
    }
    return undefined;
  };
}

/** `4.18.2(supports-color@8)` (v6+) and `4.18.2_supports-color@8` (v5) → `4.18.2`; links resolve to no version. */
function cleanPnpmVersion(raw: string): string | undefined {
  if (/^(link|file|workspace):/.test(raw)) return undefined;
  return raw.replace(/\(.*$/, '').replace(/_.*$/, '');
}

function bunVersions(lock: unknown): NodeLockfile['versionOf'] {
  const packages = recordOf(pathOf(lock, 'packages'));
  return (name) => {
    const entry = packages?.[name];
    const descriptor = Array.isArray(entry) ? stringOf(entry[0]) : undefined;
    if (!descriptor) return undefined;
    const version = descriptor.slice(descriptor.lastIndexOf('@') + 1);
    return /^\d/.test(version) ? version : undefined;
  };
}

async function readYarnLock(index: RepositoryIndex, file: string): Promise<NodeLockfile | undefined> {
  const text = await index.readText(file);
  if (text === undefined) return undefined;
  const yarnBerry = /^__metadata:/m.test(text);
  const descriptors = yarnBerry ? berryDescriptors(text, index, file) : classicDescriptors(text);
  const byName = new Map<string, string>();
  for (const [descriptor, version] of descriptors) {
    const name = packageNameOf(descriptor);
    if (!byName.has(name)) byName.set(name, version);
  }
  return {
    file,
    yarnBerry,
    versionOf: (name, _importer, constraint) => {
      if (constraint !== null) {
        const exact =
          descriptors.get(`${name}@${constraint}`) ?? descriptors.get(`${name}@npm:${constraint}`);
        if (exact) return exact;
      }
      return byName.get(name);
    },
  };
}

/** Yarn 2+ lockfiles are YAML: `"express@npm:^4.18.1, express@npm:^4.18.2": { version: 4.18.2 }`. */
function berryDescriptors(text: string, index: RepositoryIndex, file: string): Map<string, string> {
  const map = new Map<string, string>();
  let parsed: unknown;
  try {
    parsed = parseYamlText(text, { uniqueKeys: false });
  } catch (error) {
    index.warn(file, `invalid YAML: ${(error as Error).message.split('\n')[0] ?? ''}`);
    return map;
  }
  for (const [key, entry] of Object.entries(recordOf(parsed) ?? {})) {
    const version = stringOf(pathOf(entry, 'version'));
    if (version === undefined || key === '__metadata') continue;
    for (const descriptor of key.split(',')) map.set(descriptor.trim(), version);
  }
  return map;
}

/**
 * Yarn 1 lockfiles are neither JSON nor YAML and have no maintained parser: entries are
 * unindented `descriptor, descriptor:` lines followed by an indented `version "x"` line.
 */
function classicDescriptors(text: string): Map<string, string> {
  const map = new Map<string, string>();
  let current: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    if (!line.startsWith(' ') && line.endsWith(':')) {
      current = line
        .slice(0, -1)
        .split(',')
        .map((descriptor) => descriptor.trim().replace(/^"|"$/g, ''));
    } else {
      const version = /^ {2}version:?\s+"?([^"\s]+)"?/.exec(line)?.[1];
      if (version) for (const descriptor of current) map.set(descriptor, version);
    }
  }
  return map;
}

/** `@scope/name@^1.0.0` → `@scope/name`. */
function packageNameOf(descriptor: string): string {
  const at = descriptor.indexOf('@', 1);
  return at < 0 ? descriptor : descriptor.slice(0, at);
}
