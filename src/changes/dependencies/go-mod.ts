import { declared, type DeclaredDependency, type ManifestReader } from './manifest-reader.js';

const REQUIRE_LINE =
  /^\s*(?:require\s+)?([A-Za-z0-9][\w.~-]*(?:\/[\w.~+-]+)+|[a-z][\w.-]*\.[a-z]+)\s+(v\d[\w.+-]*)(\s*\/\/\s*indirect)?\s*$/;

/** Go names a new major version by a `/vN` module-path suffix; it is still the same dependency. */
export function goModuleIdentity(name: string): string {
  return name.replace(/\/v\d+$/, '');
}

/** `go.mod`: `require` lines and blocks; `// indirect` ones are marked. `replace`, `exclude` and `retract` are not dependencies. */
export const goMod: ManifestReader = {
  matches: /(^|\/)go\.mod$/,
  ecosystem: 'go',
  lockfile: false,
  identity: goModuleIdentity,
  read(side) {
    const found: DeclaredDependency[] = [];
    let block: string | undefined;
    for (const line of side.lines) {
      const opening = /^\s*(require|replace|exclude|retract|tool|godebug)\s*\(/.exec(line.text);
      if (opening) {
        block = opening[1];
        continue;
      }
      if (/^\s*\)/.test(line.text)) {
        block = undefined;
        continue;
      }
      if (
        (block !== undefined && block !== 'require') ||
        /=>|^\s*(replace|exclude|retract|module|go|toolchain)\b/.test(line.text)
      )
        continue;
      const match = REQUIRE_LINE.exec(line.text);
      if (match?.[1] && match[2]) found.push(declared(match[1], match[2], match[3] ? 'indirect' : undefined));
    }
    return found;
  },
};

/** `go.sum`: each module version once (its `/go.mod` hash line names the same version). */
export const goSum: ManifestReader = {
  matches: /(^|\/)go\.sum$/,
  ecosystem: 'go',
  lockfile: true,
  identity: goModuleIdentity,
  read(side) {
    const found = new Map<string, DeclaredDependency>();
    for (const line of side.lines) {
      const match = /^(\S+)\s+(v[^\s/]+)(?:\/go\.mod)?\s+h1:/.exec(line.text);
      if (match?.[1] && match[2])
        found.set(`${match[1]} ${match[2]}`, declared(match[1], match[2], 'lockfile'));
    }
    return [...found.values()];
  },
};
