import { createWholeFileView, type SourceView } from '../source/source-view.js';
import type { MountEdge } from './mounted-prefixes.js';
import type { CheckoutFiles } from './project-sources.js';
import { assignsName, dottedReference, readPythonImports, type PythonBinding } from './python-imports.js';
import { resolvePythonModule } from './resolve-module-path.js';

/** A module of the project, read once. */
export interface PythonModule {
  view: SourceView;
  imports: Map<string, PythonBinding>;
}

/** Finds, across a project's modules, the module a dotted name lives in. */
export interface PythonDeclarations {
  moduleAt(path: string): PythonModule | undefined;
  resolve(module: string, from: string): string | undefined;
  /** `app.api.orders.router` (as imported in `from`) → the file of `app.api.orders` and `router`, followed through re-exports. */
  attributeTarget(dotted: string, from: string): MountEdge['target'] | undefined;
}

// A package's `__init__.py` re-exporting a re-export… chains longer than this are not followed.
const MAX_REEXPORT_DEPTH = 6;

/** Reads a project's Python modules on demand. */
export function createPythonDeclarations(files: CheckoutFiles, project: string): PythonDeclarations {
  const modules = new Map<string, PythonModule | undefined>();
  const moduleAt = (path: string): PythonModule | undefined => {
    if (modules.has(path)) return modules.get(path);
    const text = files.read(path);
    const view = text === undefined ? undefined : createWholeFileView(text, 'python');
    const read = view && { view, imports: readPythonImports(view) };
    modules.set(path, read);
    return read;
  };
  const resolve = (module: string, from: string): string | undefined =>
    resolvePythonModule(module, from, project, files.exists);

  const attributeTarget = (dotted: string, from: string, depth = 0): MountEdge['target'] | undefined => {
    const [, dots = '', rest = ''] = /^(\.*)(.*)$/.exec(dotted) ?? [];
    const cut = rest.lastIndexOf('.');
    const module = cut === -1 ? dots : `${dots}${rest.slice(0, cut)}`;
    const name = rest.slice(cut + 1);
    const file = module === '' || name === '' ? undefined : resolve(module, from);
    if (file === undefined) return undefined;
    const read = moduleAt(file);
    const binding = read?.imports.get(name);
    // A name the module imports rather than assigns is declared where it comes from.
    if (!read || binding?.name === undefined || depth >= MAX_REEXPORT_DEPTH || assignsName(read.view, name))
      return { file, name };
    const next = dottedReference(name, read.imports);
    return (next === undefined ? undefined : attributeTarget(next, file, depth + 1)) ?? { file, name };
  };
  return { moduleAt, resolve, attributeTarget: (dotted, from) => attributeTarget(dotted, from) };
}
