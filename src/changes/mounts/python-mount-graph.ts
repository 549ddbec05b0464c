import { djangoRoutes, readDjangoIncludes } from '../endpoints/django-routes.js';
import { findPythonRouters } from '../endpoints/python-router-mounts.js';
import {
  keywordArgument,
  positionalArguments,
  readCallArguments,
  stringArgument,
} from '../source/read-call.js';
import { createWholeFileView, type SourceView } from '../source/source-view.js';
import { createEdgeIndex, type EdgeIndex } from './edge-index.js';
import { EMPTY_MOUNT_GRAPH, type MountEdge, type MountGraph } from './mounted-prefixes.js';
import { mountFamilyOf, type CheckoutFiles } from './project-sources.js';
import { assignsName, dottedReference, readPythonImports, type PythonBinding } from './python-imports.js';
import { resolvePythonModule } from './resolve-module-path.js';

interface ReadModule {
  view: SourceView;
  imports: Map<string, PythonBinding>;
}

const MOUNT = /(\w+)\s*\.\s*(include_router|register_blueprint)\s*\(/g;
const MOUNT_HINT = /include_router|register_blueprint|\binclude\s*\(/;
const MAX_REEXPORT_DEPTH = 6;

/**
 * Reads a Python project's mounts across modules: FastAPI `include_router(router, prefix=…)`,
 * Flask `register_blueprint(bp, url_prefix=…)` of imported routers, and Django
 * `path('api/', include('orders.urls'))`. Names re-exported by a package's `__init__.py`
 * are followed to the module that declares them.
 */
export function buildPythonMountGraph(files: CheckoutFiles, project: string): MountGraph {
  const sources = files.projectSources(project, 'python', (path) => mountFamilyOf(path) === 'python');
  if (!sources) return EMPTY_MOUNT_GRAPH;
  const modules = new Map<string, ReadModule | undefined>();
  const moduleAt = (path: string): ReadModule | undefined => {
    if (modules.has(path)) return modules.get(path);
    const text = files.read(path);
    const view = text === undefined ? undefined : createWholeFileView(text, 'python');
    const read = view && { view, imports: readPythonImports(view) };
    modules.set(path, read);
    return read;
  };
  const resolve = (module: string, from: string): string | undefined =>
    resolvePythonModule(module, from, project, files.exists);

  /** `app.api.orders.router` → the file of `app.api.orders` and `router`, followed through re-exports. */
  const attributeTarget = (dotted: string, from: string, depth: number): MountEdge['target'] | undefined => {
    const [, dots = '', rest = ''] = /^(\.*)(.*)$/.exec(dotted) ?? [];
    const cut = rest.lastIndexOf('.');
    const module = cut === -1 ? dots : `${dots}${rest.slice(0, cut)}`;
    const name = rest.slice(cut + 1);
    const file = module === '' || name === '' ? undefined : resolve(module, from);
    if (file === undefined) return undefined;
    const read = moduleAt(file);
    const binding = read?.imports.get(name);
    if (!read || binding?.name === undefined || depth >= MAX_REEXPORT_DEPTH || assignsName(read.view, name))
      return { file, name };
    const next = dottedReference(name, read.imports);
    return (next === undefined ? undefined : attributeTarget(next, file, depth + 1)) ?? { file, name };
  };

  const index = createEdgeIndex();
  for (const path of sources) {
    const text = files.read(path);
    if (text === undefined || !MOUNT_HINT.test(text)) continue;
    const read = moduleAt(path);
    if (!read) continue;
    if (/include_router|register_blueprint/.test(text)) readRouterMounts(read, path, index, attributeTarget);
    if (!djangoRoutes.appliesTo(path)) continue;
    for (const include of readDjangoIncludes(read.view)) {
      const module =
        include.module ??
        (include.reference === undefined ? undefined : dottedReference(include.reference, read.imports));
      const file = module === undefined ? undefined : resolve(module, path);
      if (file === undefined) continue;
      const target = { file, name: undefined };
      index.add({ file: path, parentRoot: undefined, parentPrefix: undefined, path: include.path, target });
    }
  }
  if (files.exhausted()) return EMPTY_MOUNT_GRAPH;
  return { globalPrefix: undefined, edgesTo: (file, name) => index.exact(file, name) };
}

function readRouterMounts(
  read: ReadModule,
  path: string,
  index: EdgeIndex,
  attributeTarget: (dotted: string, from: string, depth: number) => MountEdge['target'] | undefined,
): void {
  const { view } = read;
  const routers = findPythonRouters(view);
  for (const match of view.masked.matchAll(MOUNT)) {
    const found = readCallArguments(view, match.index + match[0].length - 1)?.arguments ?? [];
    const child = positionalArguments(view, found)[0];
    const reference = child && view.text.slice(child.start, child.end);
    if (!reference || !/^[\w.]+$/.test(reference)) continue;
    // A router of this very file is mounted in place, by the route extractor.
    const dotted = dottedReference(reference, read.imports);
    const target = dotted === undefined ? undefined : attributeTarget(dotted, path, 0);
    if (!target) continue;
    const parent = match[1] ?? '';
    const prefix = stringArgument(
      view,
      keywordArgument(view, found, 'prefix') ?? keywordArgument(view, found, 'url_prefix'),
    );
    index.add({
      file: path,
      parentRoot: routers.rootOf(parent),
      parentPrefix: routers.prefixOf(parent),
      path: prefix,
      target,
    });
  }
}
