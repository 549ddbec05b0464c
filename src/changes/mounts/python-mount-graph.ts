import { djangoRoutes, readDjangoIncludes } from '../endpoints/django-routes.js';
import { findPythonRouters } from '../endpoints/python-router-mounts.js';
import {
  keywordArgument,
  positionalArguments,
  readCallArguments,
  stringArgument,
} from '../source/read-call.js';
import { createEdgeIndex, type EdgeIndex } from './edge-index.js';
import { EMPTY_MOUNT_GRAPH, type MountGraph } from './mounted-prefixes.js';
import { mountFamilyOf, type CheckoutFiles } from './project-sources.js';
import {
  createPythonDeclarations,
  type PythonDeclarations,
  type PythonModule,
} from './python-declarations.js';
import { dottedReference } from './python-imports.js';

const MOUNT = /(\w+)\s*\.\s*(include_router|register_blueprint)\s*\(/g;
const MOUNT_HINT = /include_router|register_blueprint|\binclude\s*\(/;

/**
 * Reads a Python project's mounts across modules: FastAPI `include_router(router, prefix=…)`,
 * Flask `register_blueprint(bp, url_prefix=…)` of imported routers, and Django
 * `path('api/', include('orders.urls'))`. Names re-exported by a package's `__init__.py`
 * are followed to the module that declares them.
 */
export function buildPythonMountGraph(files: CheckoutFiles, project: string): MountGraph {
  const sources = files.projectSources(project, 'python', (path) => mountFamilyOf(path) === 'python');
  if (!sources) return EMPTY_MOUNT_GRAPH;
  const declarations = createPythonDeclarations(files, project);
  const index = createEdgeIndex();
  for (const path of sources) {
    const text = files.read(path);
    if (text === undefined || !MOUNT_HINT.test(text)) continue;
    const read = declarations.moduleAt(path);
    if (!read) continue;
    if (/include_router|register_blueprint/.test(text)) readRouterMounts(read, path, index, declarations);
    if (djangoRoutes.appliesTo(path)) readIncludes(read, path, index, declarations);
  }
  if (files.exhausted()) return EMPTY_MOUNT_GRAPH;
  return { globalPrefix: undefined, edgesTo: (file, name) => index.exact(file, name) };
}

function readRouterMounts(
  read: PythonModule,
  path: string,
  index: EdgeIndex,
  declarations: PythonDeclarations,
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
    const target = dotted === undefined ? undefined : declarations.attributeTarget(dotted, path);
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

function readIncludes(
  read: PythonModule,
  path: string,
  index: EdgeIndex,
  declarations: PythonDeclarations,
): void {
  for (const include of readDjangoIncludes(read.view)) {
    const module =
      include.module ??
      (include.reference === undefined ? undefined : dottedReference(include.reference, read.imports));
    const file = module === undefined ? undefined : declarations.resolve(module, path);
    if (file === undefined) continue;
    const target = { file, name: undefined };
    index.add({ file: path, parentRoot: undefined, parentPrefix: undefined, path: include.path, target });
  }
}
