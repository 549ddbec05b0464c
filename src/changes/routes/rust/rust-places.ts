import type { RustCrate, RustCrates } from './rust-crates.js';
import type { RustFacts, RustFunction, RustRef } from './rust-facts.js';

/** A function of the project side, with its file. */
export interface PlacedFunction {
  file: string;
  fn: RustFunction;
}

const MAX_DEPTH = 8;

/** Graph node of a builder a file makes; its attach point (where a scope's own prefix starts) is `^`-marked. */
export function builderNode(file: string, id: string, attach = false): string {
  return `${file}|${attach ? 'b^' : 'b'}|${id}`;
}

/** Graph node of a function's or closure's parameter. */
export function paramNode(file: string, fn: string, index: number): string {
  return `${file}|p|${fn}|${index}`;
}

/** Graph node of a function's attribute routes (`#[get("/x")] fn show`). */
export function attributeNode(file: string, fn: string): string {
  return `${file}|a|${fn}`;
}

/**
 * Resolves what a file's references stand for across the project side: functions by path
 * (through `use`, modules and crates), what they return, the builders they make.
 */
export function createRustPlaces(files: ReadonlyMap<string, RustFacts>, crates: RustCrates) {
  const byName = new Map<string, PlacedFunction[]>();
  for (const [file, facts] of files)
    for (const fn of facts.functions) {
      const list = byName.get(fn.name) ?? [];
      list.push({ file, fn });
      byName.set(fn.name, list);
    }

  const inFile = (found: PlacedFunction[], file: string) => found.filter((fn) => fn.file === file);
  const inCrate = (found: PlacedFunction[], crate: RustCrate | undefined) =>
    found.filter((fn) => crates.crateOf(fn.file) === crate);

  /** The functions named `found` that a path leads to: in the module it spells, else one a glob import brings in, else the crate's. */
  const located = (file: string, facts: RustFacts, path: readonly string[], found: PlacedFunction[]) => {
    const location = crates.locate(file, path, facts.uses);
    // Without a crate (a diff's fragments), a function of that name anywhere.
    if (!location) return found;
    const moduleFiles = new Set(crates.filesOf(location.crate, location.module));
    const exact = found.filter((candidate) => moduleFiles.has(candidate.file));
    if (exact.length > 0) return exact;
    const globbed = new Set(
      facts.globs.flatMap((glob) => {
        const at = crates.locate(file, [...glob, location.item], facts.uses);
        return at ? crates.filesOf(at.crate, at.module) : [];
      }),
    );
    const viaGlob = found.filter((candidate) => globbed.has(candidate.file));
    if (viaGlob.length > 0) return viaGlob;
    // Re-exported (`pub use`) or declared in a module the path does not spell: the crate's own function of that name.
    return inCrate(found, location.crate);
  };

  /** The functions a path written in `file` names; `method` for a method called on a value (`self.routes()`). */
  const functionsAt = (
    file: string,
    path: readonly string[],
    method = false,
    depth = 0,
  ): PlacedFunction[] => {
    const facts = files.get(file);
    const found = byName.get(path[path.length - 1] ?? '') ?? [];
    if (!facts) return [];
    if (found.length === 0) return method ? [] : renamed(file, facts, path, depth);
    // `Self::routes()` and `self.routes()` name a function of the same `impl`, in this file when it is here;
    // a name no `use` brings in is the module's own, declared in the same file.
    const own = method || path[0] === 'Self' || (path.length === 1 && !facts.uses[path[0] ?? '']);
    const here = own ? inFile(found, file) : [];
    if (here.length > 0) return here;
    if (!method) return located(file, facts, path, found);
    const sameCrate = inCrate(found, crates.crateOf(file));
    return sameCrate.length > 0 ? sameCrate : found;
  };

  /** No function has the name a path ends with: the module it leads to may rename one (`pub use core::routes as core_routes`). */
  const renamed = (
    file: string,
    facts: RustFacts,
    path: readonly string[],
    depth: number,
  ): PlacedFunction[] => {
    const location = depth < MAX_DEPTH ? crates.locate(file, path, facts.uses) : undefined;
    if (!location) return [];
    for (const candidate of crates.filesOf(location.crate, location.module)) {
      const used = files.get(candidate)?.uses[location.item];
      if (used && used[used.length - 1] !== location.item)
        return functionsAt(candidate, used, false, depth + 1);
    }
    return [];
  };

  /** The graph nodes a reference stands for; `attach` gives a builder's attach point rather than its routes' node. */
  const nodesOf = (file: string, ref: RustRef, attach = false, depth = 0): string[] => {
    if (depth > MAX_DEPTH) return [];
    switch (ref.kind) {
      case 'builder':
        return [builderNode(file, ref.id, attach)];
      case 'param':
        return [paramNode(file, ref.fn, ref.index)];
      case 'fn':
        // A function a `routes!` macro lists serves its attribute routes where the list is mounted.
        return ref.listed
          ? functionsAt(file, ref.path).map((target) => attributeNode(target.file, target.fn.name))
          : [];
      case 'call':
        return functionsAt(file, ref.path, ref.method === true).flatMap((target) =>
          target.fn.returns.flatMap((returned) => {
            // A function that gives back the router it was handed gives back the caller's argument.
            const handed =
              returned.kind === 'param' && returned.fn === target.fn.id
                ? ref.args?.[returned.index]
                : undefined;
            return handed && handed.kind !== 'unknown'
              ? nodesOf(file, handed, attach, depth + 1)
              : nodesOf(target.file, returned, attach, depth + 1);
          }),
        );
      default:
        return [];
    }
  };

  return { functionsAt, nodesOf };
}
