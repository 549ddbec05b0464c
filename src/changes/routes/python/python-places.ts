import { posix } from 'node:path';
import type { LinkInput } from '../route-family.js';
import type { PythonFacts, PythonRef } from './python-facts.js';
import { resolvePythonModule, submodule } from './resolve-python-module.js';

/** What a reference is in the project: a router, a pattern list, a function parameter, a module… in one file. */
export type Place =
  | { kind: 'router'; file: string; id: string }
  | { kind: 'list'; file: string; id: string }
  | { kind: 'urlconf'; file: string }
  | { kind: 'param'; file: string; fn: string; index: number }
  | { kind: 'function'; file: string; fn: string }
  | { kind: 'class'; file: string; name: string }
  | { kind: 'instance'; file: string; name: string }
  | { kind: 'module'; file: string }
  | { kind: 'text'; value: string };

const MAX_DEPTH = 16;

/** A record's own entry: Python names such as `constructor` must not find `Object.prototype`'s. */
export function ownEntry<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The name a reference ends with: `ModelViewSet` for `viewsets.ModelViewSet` or an imported `ModelViewSet`. */
export function lastName(ref: PythonRef): string | undefined {
  if (ref.kind === 'attribute' || ref.kind === 'import' || ref.kind === 'class') return ref.name;
  return undefined;
}

export interface PlaceResolver {
  resolve(file: string, ref: PythonRef): Place | undefined;
  /** The string a reference stands for, parts that cannot be read left out; undefined when none can. */
  text(file: string, ref: PythonRef | undefined): string | undefined;
}

/** Resolves references across a project side's files: imports to what modules bind, factories to what they return. */
export function createPlaceResolver(input: LinkInput<PythonFacts>): PlaceResolver {
  const exists = (file: string): boolean => input.files.has(file) || input.exists(file);
  const modules = new Map<string, string | undefined>();
  const moduleFile = (from: string, module: string): string | undefined => {
    const key = `${module.startsWith('.') ? posix.dirname(from) : ''}\0${module}`;
    if (!modules.has(key)) modules.set(key, resolvePythonModule(module, from, input.project, exists));
    return modules.get(key);
  };
  const memberOf = (file: string, name: string, depth: number): Place | undefined => {
    const facts = input.files.get(file);
    if (name === 'urlpatterns') return { kind: 'urlconf', file };
    const bound = ownEntry(facts?.bindings, name);
    if (bound) return resolve(file, bound, depth + 1);
    // A package's submodule: `from app.api.routes import users`.
    if (file.endsWith('/__init__.py')) {
      const folder = posix.dirname(file);
      const inner = [`${folder}/${name}.py`, `${folder}/${name}/__init__.py`].find(exists);
      if (inner) return { kind: 'module', file: inner };
    }
    for (const [key, ref] of Object.entries(facts?.bindings ?? {})) {
      if (!key.startsWith('*') || ref.kind !== 'import') continue;
      const target = moduleFile(file, ref.module);
      const found = target === undefined ? undefined : memberOf(target, name, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  const imported = (file: string, module: string, name: string, depth: number): Place | undefined => {
    const target = moduleFile(file, module);
    const found = target === undefined ? undefined : memberOf(target, name, depth);
    if (found) return found;
    const inner = moduleFile(file, submodule(module, name));
    return inner === undefined ? undefined : { kind: 'module', file: inner };
  };
  const classAttribute = (place: Place, name: string, depth: number): Place | undefined => {
    if ((place.kind !== 'class' && place.kind !== 'instance') || depth > MAX_DEPTH) return undefined;
    const found = ownEntry(input.files.get(place.file)?.classes, place.name);
    if (!found) return undefined;
    const own = ownEntry(found.attributes, name);
    if (own) return resolve(place.file, own, depth + 1);
    for (const base of found.bases) {
      const inherited = resolve(place.file, base, depth + 1);
      const value = inherited && classAttribute(inherited, name, depth + 1);
      if (value) return value;
    }
    return undefined;
  };
  const resolve = (file: string, ref: PythonRef, depth = 0): Place | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    switch (ref.kind) {
      case 'router':
      case 'list':
        return { kind: ref.kind, file, id: ref.id };
      case 'urlconf':
        return { kind: 'urlconf', file };
      case 'param':
        return { kind: 'param', file, fn: ref.fn, index: ref.index };
      case 'function':
        return { kind: 'function', file, fn: ref.fn };
      case 'class':
        return { kind: 'class', file, name: ref.name };
      case 'module': {
        const target = moduleFile(file, ref.module);
        return target === undefined ? undefined : { kind: 'module', file: target };
      }
      case 'import':
        return imported(file, ref.module, ref.name, depth + 1);
      case 'attribute': {
        const of = resolve(file, ref.of, depth + 1);
        if (of?.kind === 'module') return memberOf(of.file, ref.name, depth + 1);
        if (of?.kind === 'router' && ref.name === 'urls') return of;
        return of && classAttribute(of, ref.name, depth + 1);
      }
      case 'call': {
        const callee = resolve(file, ref.callee, depth + 1);
        if (callee?.kind === 'class') return { ...callee, kind: 'instance' };
        if (callee?.kind !== 'function') return undefined;
        const returned = ownEntry(input.files.get(callee.file)?.returns, callee.fn);
        return returned ? resolve(callee.file, returned, depth + 1) : undefined;
      }
      case 'text': {
        const value = textOf(file, ref.parts, depth);
        return value === undefined ? undefined : { kind: 'text', value };
      }
      default:
        return undefined;
    }
  };
  const textOf = (
    file: string,
    parts: readonly (string | PythonRef)[],
    depth: number,
  ): string | undefined => {
    let known = false;
    let value = '';
    for (const part of parts) {
      const place =
        typeof part === 'string' ? { kind: 'text' as const, value: part } : resolve(file, part, depth + 1);
      if (place?.kind !== 'text') continue;
      known = true;
      value += place.value;
    }
    return known ? value : undefined;
  };
  return {
    resolve: (file, ref) => resolve(file, ref),
    text: (file, ref) => {
      const place = ref && resolve(file, ref);
      return place?.kind === 'text' ? place.value : undefined;
    },
  };
}
