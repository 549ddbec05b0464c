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

/** True when the file declares something another file can hang routes on: a function taking or returning a router, a router variable or field. */
function handsRoutersOn(facts: GoFacts): boolean {
  return (
    facts.routes.some((route) => route.holder.kind === 'param') ||
    facts.mounts.some((mount) => mount.parent.kind === 'param') ||
    Object.keys(facts.returns).length > 0 ||
    Object.keys(facts.globals).length > 0 ||
    Object.keys(facts.fields).length > 0
  );
}

/** The longest word (as the word index has them) of a path segment: `user-service`, `yaml` of `yaml.v3`. */
function longestWord(segment: string): string {
  return (segment.match(/[\w$-]+/g) ?? []).reduce(
    (best, word) => (word.length > best.length ? word : best),
    '',
  );
}

/**
 * The word a file of another package must contain to use what this file hands on: the last
 * segment of its package's import path, which every importer writes. Files of the same package
 * need no import and are this file's dependencies already.
 */
export function goMounterHints(file: string, facts: GoFacts | undefined, side?: ProjectSide): string[] {
  if (facts && !handsRoutersOn(facts)) return [];
  const folder = path.posix.dirname(file);
  const importPath = side ? modulesOf(side).importPathOf(folder) : undefined;
  const word = longestWord((importPath ?? folder).split('/').pop() ?? '');
  return word === '' || word === '.' ? [] : [word];
}

/** The names of the methods and functions a file hands routers to or mounts the results of, found by name. */
export function goMountedHints(facts: GoFacts): string[] {
  const names = new Set<string>();
  for (const ref of refsOf(facts)) if (ref.kind === 'method') names.add(ref.name);
  return [...names];
}

/**
 * Whether the file at `found` can use what the package of `file` hands on: from the same
 * package without an import, from any other only by importing it. A file of another package
 * that declares a function of the same name, or imports a package of the same last name, mounts nothing of `file`.
 */
export function goMayMount(
  text: string,
  _hint: string,
  file: string,
  found: string,
  side: ProjectSide,
): boolean {
  const folder = path.posix.dirname(file);
  if (path.posix.dirname(found) === folder) return true;
  const importPath = modulesOf(side).importPathOf(folder);
  return importPath === undefined || text.includes(`"${importPath}"`);
}
