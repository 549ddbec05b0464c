import { findRouterMounts } from '../endpoints/javascript-router-mounts.js';
import { createWholeFileView, type SourceView } from '../source/source-view.js';
import { readJavascriptModuleShape, type JavascriptModuleShape } from './javascript-module-shape.js';
import type { MountEdge } from './mounted-prefixes.js';
import type { CheckoutFiles } from './project-sources.js';
import { resolveJavascriptModule } from './resolve-module-path.js';

/** A module of the project, read once. */
export interface JavascriptModule {
  view: SourceView;
  shape: JavascriptModuleShape;
}

/** Finds, across a project's modules, where an exported name is declared. */
export interface JavascriptDeclarations {
  moduleAt(path: string): JavascriptModule | undefined;
  resolve(specifier: string, from: string): string | undefined;
  /** The file and local name declaring export `name` of `file` (undefined name: an anonymous default export, or the module as a whole). */
  declarationOf(file: string, name: string): MountEdge['target'] | undefined;
  /** The routers `file` creates itself. */
  createdIn(file: string): Set<string>;
}

// Re-export chains (`routes/index.js` → `routes/orders.js`) longer than this are not followed.
const MAX_REEXPORT_DEPTH = 6;

/** Reads a project's modules on demand, following re-exports and imported-then-exported names. */
export function createJavascriptDeclarations(files: CheckoutFiles, project: string): JavascriptDeclarations {
  const moduleAt = cachedModuleReader(files);
  const resolve = (specifier: string, from: string): string | undefined =>
    resolveJavascriptModule(specifier, from, project, files.exists);
  const created = new Map<string, Set<string>>();
  const createdIn = (file: string): Set<string> => {
    let routers = created.get(file);
    if (!routers) {
      const read = moduleAt(file);
      routers = read ? findRouterMounts(read.view).created : new Set<string>();
      created.set(file, routers);
    }
    return routers;
  };
  const lookup: ModuleLookup = { moduleAt, resolve };
  return {
    moduleAt,
    resolve,
    declarationOf: (file, name) => findDeclaration(lookup, file, name, 0),
    createdIn,
  };
}

type ModuleLookup = Pick<JavascriptDeclarations, 'moduleAt' | 'resolve'>;

/** Each module is read and parsed at most once, since many mounts lead through the same index files. */
function cachedModuleReader(files: CheckoutFiles): (path: string) => JavascriptModule | undefined {
  const modules = new Map<string, JavascriptModule | undefined>();
  return (path) => {
    if (modules.has(path)) return modules.get(path);
    const text = files.read(path);
    const view = text === undefined ? undefined : createWholeFileView(text, 'javascript');
    const read = view && { view, shape: readJavascriptModuleShape(view) };
    modules.set(path, read);
    return read;
  };
}

function findDeclaration(
  lookup: ModuleLookup,
  file: string,
  name: string,
  depth: number,
): MountEdge['target'] | undefined {
  const read = lookup.moduleAt(file);
  if (!read || name === '*') return { file, name: undefined };
  const follow = (specifier: string, imported: string): MountEdge['target'] | undefined => {
    const next = depth < MAX_REEXPORT_DEPTH ? lookup.resolve(specifier, file) : undefined;
    return next === undefined ? undefined : findDeclaration(lookup, next, imported, depth + 1);
  };
  const entry = read.shape.exports.get(name);
  if (entry?.kind === 'reexport') return follow(entry.specifier, entry.name);
  if (entry?.kind === 'local') {
    const imported = entry.local === undefined ? undefined : read.shape.imports.get(entry.local);
    return imported ? follow(imported.specifier, imported.name) : { file, name: entry.local };
  }
  for (const star of name === 'default' ? [] : read.shape.stars) {
    const found = follow(star, name);
    if (found) return found;
  }
  // A default export that could not be read (a CommonJS object, a call) mounts the file as a whole.
  return name === 'default' ? { file, name: undefined } : undefined;
}
