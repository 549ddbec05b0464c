import { normalizePythonName } from './requirements-txt.js';
import { declared, type DeclaredDependency, type ManifestReader } from './manifest-reader.js';
import { parseTomlSide, readRuns, tomlLine, tomlSection } from './read-manifest-lines.js';

/** Lockfiles made of `[[package]]` tables with `name` and `version`: Cargo.lock, poetry.lock, uv.lock, pdm.lock. */
function packageTables(normalize: (name: string) => string): ManifestReader['read'] {
  return (side) => {
    const document = parseTomlSide(side);
    if (document) {
      const packages = Array.isArray(document.package) ? (document.package as Record<string, unknown>[]) : [];
      return packages.flatMap((entry) =>
        typeof entry.name === 'string' && typeof entry.version === 'string'
          ? [declared(normalize(entry.name), entry.version, 'lockfile')]
          : [],
      );
    }
    return readRuns(side, (run) => {
      const found: DeclaredDependency[] = [];
      let name: string | undefined;
      for (const line of run) {
        if (tomlSection(line.text) !== undefined) name = undefined;
        const pair = tomlLine(line.text);
        if (pair?.[0] === 'name' && typeof pair[1] === 'string') name = pair[1];
        else if (pair?.[0] === 'version' && typeof pair[1] === 'string' && name !== undefined) {
          found.push(declared(normalize(name), pair[1], 'lockfile'));
          name = undefined;
        }
      }
      return found;
    });
  };
}

export const cargoLock: ManifestReader = {
  matches: /(^|\/)Cargo\.lock$/,
  ecosystem: 'cargo',
  lockfile: true,
  read: packageTables((name) => name),
};

export const pythonLockfile: ManifestReader = {
  matches: /(^|\/)(poetry|uv|pdm)\.lock$/,
  ecosystem: 'pip',
  lockfile: true,
  read: packageTables(normalizePythonName),
};
