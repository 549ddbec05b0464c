import { readRuns } from './read-manifest-lines.js';
import { declared, sideText, type DeclaredDependency, type ManifestReader } from './manifest-reader.js';
import { jsonPair } from './package-json.js';

interface LockEntry {
  version?: unknown;
  dev?: unknown;
}

function topLevelName(key: string): string | undefined {
  // Only packages hoisted to the top: "node_modules/a/node_modules/b" is a copy nested for one dependent.
  const match = /^node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(key);
  return match?.[1];
}

function parseWhole(text: string): DeclaredDependency[] | undefined {
  let lock: {
    packages?: Record<string, LockEntry & Record<string, unknown>>;
    dependencies?: Record<string, LockEntry>;
  };
  try {
    lock = JSON.parse(text) as typeof lock;
  } catch {
    return undefined;
  }
  const root = lock.packages?.[''] ?? {};
  const direct = new Set(
    ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'].flatMap((section) =>
      Object.keys((root[section] as Record<string, unknown> | undefined) ?? {}),
    ),
  );
  const found: DeclaredDependency[] = [];
  const entries = lock.packages ?? lock.dependencies ?? {};
  for (const [key, entry] of Object.entries(entries)) {
    const name = lock.packages ? topLevelName(key) : key;
    if (!name || typeof entry.version !== 'string') continue;
    const scope = !direct.has(name) && lock.packages ? 'transitive' : entry.dev === true ? 'dev' : undefined;
    found.push(declared(name, entry.version, scope));
  }
  return found;
}

/** Hunks only: a `"node_modules/x": {` line names the entry whose `"version"` line follows. */
function readLines(run: { text: string }[]): DeclaredDependency[] {
  const found: DeclaredDependency[] = [];
  let current: string | undefined;
  for (const line of run) {
    const pair = jsonPair(line.text);
    if (pair && line.text.trim().endsWith('{')) current = topLevelName(pair[0]);
    else if (pair && pair[0] === 'version' && current && typeof pair[1] === 'string') {
      // Which packages the root asks for directly is not in the hunks.
      found.push(declared(current, pair[1], 'lockfile'));
      current = undefined;
    } else if (/^\s*\}/.test(line.text)) current = undefined;
  }
  return found;
}

/** `package-lock.json` / `npm-shrinkwrap.json` (lockfile v1–v3): top-level packages; those the root does not list are `transitive`. */
export const packageLock: ManifestReader = {
  matches: /(^|\/)(package-lock|npm-shrinkwrap)\.json$/,
  ecosystem: 'npm',
  lockfile: true,
  read(side) {
    const whole = side.complete ? parseWhole(sideText(side)) : undefined;
    if (whole) return whole;
    return readRuns(side, readLines);
  },
};
