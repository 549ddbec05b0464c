import { readRuns } from './read-manifest-lines.js';
import {
  declared,
  forEachRun,
  sideText,
  type DeclaredDependency,
  type ManifestReader,
} from './manifest-reader.js';
import { jsonPair } from './package-json.js';

const SECTIONS: Record<string, string | undefined> = { require: undefined, 'require-dev': 'dev' };
// The PHP version and extensions are platform requirements, not packages.
const isPackage = (name: string): boolean => name.includes('/');

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function readComposerLines(run: { text: string }[]): DeclaredDependency[] {
  const found: DeclaredDependency[] = [];
  let section: string | null | undefined;
  for (const line of run) {
    if (/^\s*\}/.test(line.text)) section = null;
    const pair = jsonPair(line.text);
    if (!pair) continue;
    if (line.text.trim().endsWith('{')) {
      section = pair[0];
      continue;
    }
    const [name, version] = pair;
    const known = section !== undefined && section !== null && section in SECTIONS;
    if (typeof version === 'string' && isPackage(name) && (known || section === undefined)) {
      found.push(declared(name, version, known ? SECTIONS[section ?? ''] : undefined));
    }
  }
  return found;
}

/** `composer.json`: `require` and `require-dev` packages (platform requirements such as `php` and `ext-*` left out). */
export const composerJson: ManifestReader = {
  matches: /(^|\/)composer\.json$/,
  ecosystem: 'composer',
  lockfile: false,
  read(side) {
    const document = side.complete ? parseJson(sideText(side)) : undefined;
    if (document) {
      return Object.entries(SECTIONS).flatMap(([section, scope]) =>
        Object.entries((document[section] as Record<string, unknown> | undefined) ?? {})
          .filter(([name, version]) => isPackage(name) && typeof version === 'string')
          .map(([name, version]) => declared(name, version as string, scope)),
      );
    }
    return readRuns(side, readComposerLines);
  },
};

/** `composer.lock`: `packages` and `packages-dev`; in hunks, a `"name"` line names the `"version"` line after it. */
export const composerLock: ManifestReader = {
  matches: /(^|\/)composer\.lock$/,
  ecosystem: 'composer',
  lockfile: true,
  read(side) {
    const document = side.complete ? parseJson(sideText(side)) : undefined;
    if (document) {
      return (['packages', 'packages-dev'] as const).flatMap((section) =>
        ((document[section] as { name?: unknown; version?: unknown }[] | undefined) ?? []).flatMap((entry) =>
          typeof entry.name === 'string' && typeof entry.version === 'string'
            ? [declared(entry.name, entry.version, section === 'packages-dev' ? 'dev' : 'lockfile')]
            : [],
        ),
      );
    }
    const found: DeclaredDependency[] = [];
    forEachRun(side.lines, (run) => {
      let name: string | undefined;
      for (const line of run) {
        const pair = jsonPair(line.text);
        if (pair?.[0] === 'name' && typeof pair[1] === 'string') name = pair[1];
        else if (pair?.[0] === 'version' && typeof pair[1] === 'string' && name) {
          found.push(declared(name, pair[1], 'lockfile'));
          name = undefined;
        }
      }
    });
    return found;
  },
};
