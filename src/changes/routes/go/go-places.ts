import path from 'node:path';
import type { LinkInput } from '../route-family.js';
import type { GoFacts, GoRef } from './go-facts.js';
import { createGoModules } from './go-modules.js';

/** A router value's place in the project: a router or group a file makes, or a function's parameter. */
export type GoPlace =
  { file: string; kind: 'router'; id: string } | { file: string; kind: 'param'; fn: string; index: number };

/** A function of the project, by file and id. */
export interface GoFunctionPlace {
  file: string;
  fn: string;
}

interface Named<T> {
  file: string;
  value: T;
}

const MAX_DEPTH = 10;

function push<T>(map: Map<string, Named<T>[]>, key: string, item: Named<T>): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** Indexes of a project side's packages: functions, methods, package variables and struct fields, by folder and name. */
function indexPackages(files: ReadonlyMap<string, GoFacts>) {
  const functions = new Map<string, Named<string>[]>();
  const methods = new Map<string, Named<string>[]>();
  const globals = new Map<string, Named<GoRef>[]>();
  const fields = new Map<string, Named<GoRef>[]>();
  for (const [file, facts] of files) {
    const dir = path.posix.dirname(file);
    for (const fn of facts.functions) {
      if (fn.receiver !== undefined) push(methods, fn.name, { file, value: fn.id });
      else push(functions, `${dir}\0${fn.name}`, { file, value: fn.id });
    }
    for (const [name, ref] of Object.entries(facts.globals))
      push(globals, `${dir}\0${name}`, { file, value: ref });
    for (const [name, refs] of Object.entries(facts.fields))
      for (const ref of refs) push(fields, `${dir}\0${name}`, { file, value: ref });
  }
  return { functions, methods, globals, fields };
}

/** Methods named so, those of the package the receiver comes from (or packages under it) first. */
function pickMethods(candidates: Named<string>[], hintDir: string | undefined): Named<string>[] {
  if (hintDir === undefined || candidates.length <= 1) return candidates;
  const near = candidates.filter((candidate) => {
    const dir = path.posix.dirname(candidate.file);
    return dir === hintDir || dir.startsWith(`${hintDir}/`) || hintDir === '.';
  });
  return near.length > 0 ? near : candidates;
}

/**
 * Resolves references across a project side's Go files: names to the package's functions and
 * variables, imports to other packages of the module (through go.mod), calls to what the
 * called function returns, methods by name (nearest the receiver's package first).
 */
export function createGoPlaceResolver(input: LinkInput<GoFacts>) {
  const modules = createGoModules(input.read);
  const index = indexPackages(input.files);
  const dirOf = (file: string): string => path.posix.dirname(file);
  const functionsOf = (file: string, ref: GoRef, depth: number): GoFunctionPlace[] => {
    if (depth > MAX_DEPTH) return [];
    const toPlaces = (list: Named<string>[] | undefined): GoFunctionPlace[] =>
      (list ?? []).map((item) => ({ file: item.file, fn: item.value }));
    switch (ref.kind) {
      case 'literal':
        return [{ file, fn: ref.fn }];
      case 'name':
        return toPlaces(index.functions.get(`${dirOf(file)}\0${ref.name}`));
      case 'import': {
        const dir = modules.folderOf(ref.path, file);
        return dir === undefined ? [] : toPlaces(index.functions.get(`${dir}\0${ref.name}`));
      }
      case 'method': {
        const hintDir = ref.hint === '.' ? dirOf(file) : ref.hint && modules.folderOf(ref.hint, file);
        return toPlaces(pickMethods(index.methods.get(ref.name) ?? [], hintDir ?? undefined));
      }
      default:
        return [];
    }
  };
  const fromNamed = (list: Named<GoRef>[] | undefined, depth: number): GoPlace[] =>
    (list ?? []).flatMap((item) => valuesOf(item.file, item.value, depth + 1));
  const valuesOf = (file: string, ref: GoRef, depth = 0): GoPlace[] => {
    if (depth > MAX_DEPTH) return [];
    switch (ref.kind) {
      case 'router':
        return [{ file, kind: 'router', id: ref.id }];
      case 'param':
        return [{ file, kind: 'param', fn: ref.fn, index: ref.index }];
      case 'name':
        return fromNamed(index.globals.get(`${dirOf(file)}\0${ref.name}`), depth);
      case 'import': {
        const dir = modules.folderOf(ref.path, file);
        return dir === undefined ? [] : fromNamed(index.globals.get(`${dir}\0${ref.name}`), depth);
      }
      case 'field':
        return fromNamed(index.fields.get(`${dirOf(file)}\0${ref.name}`), depth);
      case 'call':
        return functionsOf(file, ref.callee, depth + 1).flatMap((fn) => {
          const returned = input.files.get(fn.file)?.returns[fn.fn];
          return returned ? valuesOf(fn.file, returned, depth + 1) : [];
        });
      default:
        return [];
    }
  };
  return {
    valuesOf: (file: string, ref: GoRef) => valuesOf(file, ref),
    functionsOf: (file: string, ref: GoRef) => functionsOf(file, ref, 0),
  };
}

/** The prefix graph's node for a place. */
export function goNodeOf(place: GoPlace): string {
  return place.kind === 'router'
    ? `${place.file}|c|${place.id}`
    : `${place.file}|p|${place.fn}|${place.index}`;
}
