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
  const modules = new Map<string, JavascriptModule | undefined>();
  const created = new Map<string, Set<string>>();
  const moduleAt = (path: string): JavascriptModule | undefined => {
    if (modules.has(path)) return modules.get(path);
    const text = files.read(path);
    const view = text === undefined ? undefined : createWholeFileView(text, 'javascript');
    const read = view && { view, shape: readJavascriptModuleShape(view) };
    modules.set(path, read);
    return read;
  };
  const resolve = (specifier: string, from: string): string | undefined =>
    resolveJavascriptModule(specifier, from, project, files.exists);

  const declarationOf = (file: string, name: string, depth = 0): MountEdge['target'] | undefined => {
    const read = moduleAt(file);
    if (!read || name === '*') return { file, name: undefined };
    const follow = (specifier: string, imported: string): MountEdge['target'] | undefined => {
      const next = depth < MAX_REEXPORT_DEPTH ? resolve(specifier, file) : undefined;
      return next === undefined ? undefined : declarationOf(next, imported, depth + 1);
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
  };

  const createdIn = (file: string): Set<string> => {
    let routers = created.get(file);
    if (!routers) {
      const read = moduleAt(file);
      routers = read ? findRouterMounts(read.view).created : new Set<string>();
      created.set(file, routers);
    }
    return routers;
  };
  return { moduleAt, resolve, declarationOf: (file, name) => declarationOf(file, name), createdIn };
}
