import path from 'node:path';
import { parseStructuredText } from '../../../discovery/parse-structured-text.js';
import { pathOf, stringOf } from '../../../discovery/untyped-value.js';

/** A crate of the repository: its folder, the name code uses for it, and its source folder. */
export interface RustCrate {
  dir: string;
  ident: string;
  src: string;
}

/** Where an item a path names is declared: a crate, a module of it, and the item's name. */
export interface RustLocation {
  crate: RustCrate;
  module: string[];
  item: string;
}

/** Past this many folders up, a file belongs to no crate. */
const MAX_DEPTH = 32;
const MAX_EXPANSIONS = 4;

/** Crates and modules of one project side, from its `Cargo.toml` files: Rust ties modules to files. */
export interface RustCrates {
  crateOf(file: string): RustCrate | undefined;
  /** The module path of a file in its crate: `src/api/users.rs` → `['api', 'users']`, `lib.rs` → `[]`. */
  moduleOf(file: string): string[];
  /** Where a path written in `file` leads, through its `use`s: `crate::`, `self::`, `super::`, other crates, submodules. */
  locate(
    file: string,
    written: readonly string[],
    uses: Readonly<Record<string, string[]>>,
  ): RustLocation | undefined;
  /** The files that can declare a module. */
  filesOf(crate: RustCrate, module: readonly string[]): string[];
}

function join(folder: string, name: string): string {
  return folder === '.' || folder === '' ? name : `${folder}/${name}`;
}

/** Crate lookups for one side; `manifests` lists the side's `Cargo.toml` files when known, so crates are found by name. */
export function createRustCrates(
  read: (file: string) => string | undefined,
  manifests: readonly string[] = [],
): RustCrates {
  const atDir = new Map<string, RustCrate | undefined>();
  const byIdent = new Map<string, RustCrate>();
  const crateAt = (dir: string): RustCrate | undefined => {
    if (atDir.has(dir)) return atDir.get(dir);
    const text = read(join(dir, 'Cargo.toml'));
    const parsed = text === undefined ? undefined : parseStructuredText(text, 'toml');
    const manifest = parsed?.ok ? parsed.value : undefined;
    const name = stringOf(pathOf(manifest, 'lib', 'name')) ?? stringOf(pathOf(manifest, 'package', 'name'));
    const libPath = stringOf(pathOf(manifest, 'lib', 'path'));
    const found =
      name === undefined
        ? undefined
        : {
            dir,
            ident: name.replace(/-/g, '_'),
            src: join(dir, libPath ? path.posix.dirname(libPath) : 'src'),
          };
    atDir.set(dir, found);
    if (found) byIdent.set(found.ident, found);
    return found;
  };
  for (const manifest of manifests) crateAt(path.posix.dirname(manifest));
  const owners = new Map<string, RustCrate | undefined>();
  const crateOf = (file: string): RustCrate | undefined => {
    let dir = path.posix.dirname(file);
    const visited: string[] = [];
    let found: RustCrate | undefined;
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      if (owners.has(dir)) {
        found = owners.get(dir);
        break;
      }
      visited.push(dir);
      found = crateAt(dir);
      if (found || dir === '.') break;
      dir = path.posix.dirname(dir);
    }
    for (const folder of visited) owners.set(folder, found);
    return found;
  };
  const moduleOf = (file: string): string[] => {
    const crate = crateOf(file);
    if (!crate || !file.startsWith(`${crate.src}/`)) return [];
    const segments = file
      .slice(crate.src.length + 1)
      .replace(/\.rs$/, '')
      .split('/');
    if (segments[0] === 'bin' || (segments.length === 1 && (segments[0] === 'lib' || segments[0] === 'main')))
      return [];
    return segments[segments.length - 1] === 'mod' ? segments.slice(0, -1) : segments;
  };
  const locate = (
    file: string,
    written: readonly string[],
    uses: Readonly<Record<string, string[]>>,
    expansions = 0,
  ): RustLocation | undefined => {
    const own = crateOf(file);
    const [first, ...rest] = written;
    if (!own || first === undefined) return undefined;
    const used = uses[first];
    if (used && expansions < MAX_EXPANSIONS && !(used.length === 1 && used[0] === first))
      return locate(file, [...used, ...rest], uses, expansions + 1);
    const item = written[written.length - 1] ?? first;
    if (rest.length === 0) return { crate: own, module: moduleOf(file), item };
    let crate = own;
    let module: string[];
    let remaining = rest;
    if (first === 'crate') module = [];
    else if (first === 'self') module = moduleOf(file);
    else if (first === 'super') {
      module = moduleOf(file).slice(0, -1);
      while (remaining[0] === 'super') {
        module = module.slice(0, -1);
        remaining = remaining.slice(1);
      }
    } else if (byIdent.has(first)) {
      crate = byIdent.get(first) ?? own;
      module = [];
    } else {
      module = [...moduleOf(file), first];
    }
    return { crate, module: [...module, ...remaining.slice(0, -1)], item };
  };
  const filesOf = (crate: RustCrate, module: readonly string[]): string[] =>
    module.length === 0
      ? [join(crate.src, 'lib.rs'), join(crate.src, 'main.rs')]
      : [join(crate.src, `${module.join('/')}.rs`), join(crate.src, `${module.join('/')}/mod.rs`)];
  return { crateOf, moduleOf, locate, filesOf };
}
