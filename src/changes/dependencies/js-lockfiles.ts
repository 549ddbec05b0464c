import { parse as parseYaml } from 'yaml';
import { declared, sideText, type DeclaredDependency, type ManifestReader } from './manifest-reader.js';
import { asRecord, readRuns } from './read-manifest-lines.js';

/** `express@4.18.2`, `/express@4.18.2`, `@scope/pkg@1.0.0(peer@2)`, `/express/4.18.2` (pnpm v5) → name and version. */
export function splitPackageKey(key: string): { name: string; version: string } | undefined {
  const bare = key.replace(/^\//, '').replace(/\(.*$/, '');
  const at = bare.lastIndexOf('@');
  if (at > 0) return { name: bare.slice(0, at), version: bare.slice(at + 1) };
  const slash = /^((?:@[^/]+\/)?[^/]+)\/(\d[^/]*)$/.exec(bare);
  return slash?.[1] && slash[2] ? { name: slash[1], version: slash[2] } : undefined;
}

function pnpmPackages(document: Record<string, unknown>): DeclaredDependency[] {
  return Object.keys(asRecord(document.packages)).flatMap((key) => {
    const parts = splitPackageKey(key);
    return parts ? [declared(parts.name, parts.version, 'lockfile')] : [];
  });
}

/** `pnpm-lock.yaml`: every package under `packages:`; in hunks, the package key lines two spaces in. */
export const pnpmLock: ManifestReader = {
  matches: /(^|\/)pnpm-lock\.yaml$/,
  ecosystem: 'npm',
  lockfile: true,
  read(side) {
    if (side.complete && side.lines.length > 0) {
      try {
        return pnpmPackages(asRecord(parseYaml(sideText(side))));
      } catch {
        // Fall through to reading line by line.
      }
    }
    return readRuns(side, (run) =>
      run.flatMap((line) => {
        if (!/^ {2}\S.*:\s*$/.test(line.text)) return [];
        try {
          const key = Object.keys(asRecord(parseYaml(line.text.trim())))[0] ?? '';
          const parts = splitPackageKey(key);
          return parts && /^\d/.test(parts.version) ? [declared(parts.name, parts.version, 'lockfile')] : [];
        } catch {
          return [];
        }
      }),
    );
  },
};

/** The package names of a yarn.lock entry header: `"@babel/core@^7.0.0", "@babel/core@^7.1.0":` or `"express@npm:^4.18.1":`. */
function headerNames(header: string): string[] {
  return header
    .replace(/:\s*$/, '')
    .split(/,\s*/)
    .map((part) => part.trim().replace(/^"|"$/g, ''))
    .map((part) => part.slice(0, part.indexOf('@', 1) === -1 ? part.length : part.indexOf('@', 1)))
    .filter((name, index, names) => name !== '' && names.indexOf(name) === index);
}

/** `yarn.lock` (v1 and Berry): each entry's header names the packages, its `version` line the resolved version. */
export const yarnLock: ManifestReader = {
  matches: /(^|\/)yarn\.lock$/,
  ecosystem: 'npm',
  lockfile: true,
  read: (side) =>
    readRuns(side, (run) => {
      const found: DeclaredDependency[] = [];
      let names: string[] = [];
      for (const line of run) {
        if (/^\S.*:\s*$/.test(line.text) && !line.text.startsWith('#') && !line.text.startsWith('__metadata'))
          names = headerNames(line.text);
        const version = /^\s{2}version:?\s+"?([^"\s]+)"?\s*$/.exec(line.text)?.[1];
        if (version && names.length > 0) {
          for (const name of names) found.push(declared(name, version, 'lockfile'));
          names = [];
        }
      }
      return found;
    }),
};
