import path from 'node:path';
import type { ProjectSide } from '../route-family.js';
import { createRustCrates, type RustCrates } from './rust-crates.js';
import type { RustFacts, RustRef } from './rust-facts.js';

const cratesBySide = new WeakMap<ProjectSide, RustCrates>();

function cratesOf(side: ProjectSide): RustCrates {
  let crates = cratesBySide.get(side);
  if (!crates) {
    const manifests = side.filesUnder(side.project).filter((file) => /(?:^|\/)Cargo\.toml$/.test(file));
    crates = createRustCrates((file) => side.read(file), manifests);
    cratesBySide.set(side, crates);
  }
  return crates;
}

/** The paths of the functions a file's routing refers to: those it calls for builders, attaches or hands builders to. */
function pathsOf(facts: RustFacts): string[][] {
  const paths: string[][] = [];
  const add = (ref: RustRef) => {
    if ((ref.kind === 'call' && ref.method !== true) || ref.kind === 'fn') paths.push(ref.path);
  };
  for (const mount of facts.mounts) {
    add(mount.parent);
    add(mount.child);
  }
  for (const route of facts.routes) add(route.holder);
  for (const fn of facts.functions) fn.returns.forEach(add);
  // `pub use core::routes as core_routes`: a caller of `api::core_routes()` reaches the function through here.
  for (const [alias, used] of Object.entries(facts.uses))
    if (used.length > 1 && used[used.length - 1] !== alias) paths.push(used);
  return paths;
}

/**
 * The files a Rust file's routing reaches: the modules (in this crate or another of the
 * project) that declare the functions it attaches, calls for routers or hands builders to.
 */
export function rustDependencies(facts: RustFacts, file: string, side: ProjectSide): string[] {
  const crates = cratesOf(side);
  const found = new Set<string>();
  const own = new Set(facts.functions.map((fn) => fn.name));
  for (const written of pathsOf(facts)) {
    if (written.length === 1 && own.has(written[0] ?? '')) continue;
    const location = crates.locate(file, written, facts.uses);
    const modules = location ? [location] : [];
    // A name no `use` explains may come from a module imported whole.
    if (written.length === 1 && facts.uses[written[0] ?? ''] === undefined)
      for (const glob of facts.globs) {
        const globbed = crates.locate(file, [...glob, written[0] ?? ''], facts.uses);
        if (globbed) modules.push(globbed);
      }
    for (const { crate, module } of modules)
      for (const candidate of crates.filesOf(crate, module)) if (side.exists(candidate)) found.add(candidate);
  }
  found.delete(file);
  return [...found];
}

/** Words a file that attaches this one contains: its module's name and the names of its functions that take, make or serve routes. */
export function rustMounterHints(file: string, facts: RustFacts | undefined): string[] {
  const base = path.posix.basename(file, '.rs');
  const module = ['mod', 'lib', 'main'].includes(base) ? path.posix.basename(path.posix.dirname(file)) : base;
  if (!facts) return [module];
  const routing = new Set<string>();
  for (const route of facts.routes) if (route.holder.kind === 'param') routing.add(route.holder.fn);
  for (const mount of facts.mounts) if (mount.parent.kind === 'param') routing.add(mount.parent.fn);
  const names = facts.functions
    .filter(
      (fn) => routing.has(fn.id) || fn.returns.some((ref) => ref.kind === 'builder' || ref.kind === 'call'),
    )
    .map((fn) => fn.name);
  return [...new Set([module, ...names, ...facts.attributes.map((route) => route.fn)])];
}
