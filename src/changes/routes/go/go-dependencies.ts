import path from 'node:path';
import type { ProjectSide } from '../route-family.js';
import type { GoFacts, GoRef } from './go-facts.js';
import { createGoModules, type GoModules } from './go-modules.js';

/** True for a Go source file the family reads (tests declare routes for themselves). */
export function isGoSource(file: string): boolean {
  return file.endsWith('.go') && !file.endsWith('_test.go');
}

/** Every reference a file's routing facts make, calls and callees included. */
function* refsOf(facts: GoFacts): Generator<GoRef> {
  const unfold = function* (ref: GoRef): Generator<GoRef> {
    yield ref;
    if (ref.kind === 'call') yield* unfold(ref.callee);
  };
  for (const mount of facts.mounts) {
    yield* unfold(mount.parent);
    yield* unfold(mount.child);
  }
  for (const route of facts.routes) yield* unfold(route.holder);
  for (const ref of Object.values(facts.returns)) yield* unfold(ref);
  for (const ref of Object.values(facts.globals)) yield* unfold(ref);
}

// By the side's reader, which stays the same for a whole selection (the side object itself is copied).
const modulesBySide = new WeakMap<ProjectSide['read'], GoModules>();

function modulesOf(side: ProjectSide): GoModules {
  let modules = modulesBySide.get(side.read);
  if (!modules) {
    modules = createGoModules((name) => side.read(name));
    modulesBySide.set(side.read, modules);
  }
  return modules;
}

/**
 * The files a Go file's routing can reach: the other files of its package (Go's unit: a
 * function or variable of the package needs no import), and the files of the module's
 * packages it hands routers to, takes routers from or calls methods of.
 */
export function goDependencies(facts: GoFacts, file: string, side: ProjectSide): string[] {
  const modules = modulesOf(side);
  const folders = new Set([path.posix.dirname(file)]);
  for (const ref of refsOf(facts)) {
    const imported = ref.kind === 'import' ? ref.path : ref.kind === 'method' ? ref.hint : undefined;
    if (imported === undefined || imported === '.') continue;
    const folder = modules.folderOf(imported, file);
    if (folder !== undefined) folders.add(folder);
  }
  return [...folders].flatMap((folder) =>
    side.filesIn(folder).filter((other) => other !== file && isGoSource(other)),
  );
}

/** The names of the functions a file declares that routes hang on: their parameters hold routers, or they return one. */
export function goMounterHints(file: string, facts: GoFacts | undefined): string[] {
  const packageName = path.posix.basename(path.posix.dirname(file));
  if (!facts) return [packageName];
  const receiving = new Set<string>();
  for (const route of facts.routes) if (route.holder.kind === 'param') receiving.add(route.holder.fn);
  for (const mount of facts.mounts) if (mount.parent.kind === 'param') receiving.add(mount.parent.fn);
  for (const fn of Object.keys(facts.returns)) receiving.add(fn);
  const names = facts.functions.filter((fn) => receiving.has(fn.id)).map((fn) => fn.name);
  return [...new Set([...names, ...Object.keys(facts.globals), ...Object.keys(facts.fields)])];
}

/** The names of the methods and functions a file hands routers to or mounts the results of, found by name. */
export function goMountedHints(facts: GoFacts): string[] {
  const names = new Set<string>();
  for (const ref of refsOf(facts)) if (ref.kind === 'method') names.add(ref.name);
  return [...names];
}

/**
 * Whether the file at `found` can call or use `hint` of the package `file` is in: from the
 * same package by the bare name; from any other only qualified (`users.Register(r)`), and
 * only after importing the package. A file of another package that declares a function of
 * the same name, or calls one of a third package, mounts nothing of `file`.
 */
export function goMayMount(text: string, hint: string, file: string, found: string, side: ProjectSide): boolean {
  const folder = path.posix.dirname(file);
  // The package's own name is the hint when its file could not be read: any file naming it may import it.
  if (path.posix.dirname(found) === folder || hint === path.posix.basename(folder)) return true;
  if (!selectsName(side, found, text, hint)) return false;
  const importPath = modulesOf(side).importPathOf(folder);
  return importPath === undefined || text.includes(`"${importPath}"`);
}
const WORD = /[\w$]/;

// Per side and file: the names it uses qualified. A mounter is looked for once per changed file, and many share names.
const selectedBySide = new WeakMap<ProjectSide['read'], Map<string, boolean>>();

function selectsName(side: ProjectSide, found: string, text: string, name: string): boolean {
  let known = selectedBySide.get(side.read);
  if (!known) {
    known = new Map();
    selectedBySide.set(side.read, known);
  }
  const key = `${found}\0${name}`;
  let selected = known.get(key);
  if (selected === undefined) {
    selected = isSelected(text, name);
    known.set(key, selected);
  }
  return selected;
}

/** True when `name` occurs in `text` as a selector (`x.name`, `x.\n\tname`), not as a bare word. */
function isSelected(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (WORD.test(text[at + name.length] ?? '')) continue;
    let before = at - 1;
    while (before >= 0 && /\s/.test(text[before] ?? '')) before--;
    if (text[before] === '.') return true;
  }
  return false;
}
