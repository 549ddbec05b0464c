import { findRouterMounts } from '../endpoints/javascript-router-mounts.js';
import { createWholeFileView, type SourceView } from '../source/source-view.js';
import { createEdgeIndex } from './edge-index.js';
import { readJavascriptModuleShape, type JavascriptModuleShape } from './javascript-module-shape.js';
import { JAVASCRIPT_MOUNT_HINT, readGlobalPrefix, readJavascriptMounts } from './javascript-mounts.js';
import { EMPTY_MOUNT_GRAPH, type GlobalPrefix, type MountEdge, type MountGraph } from './mounted-prefixes.js';
import { mountFamilyOf, type CheckoutFiles } from './project-sources.js';
import { resolveJavascriptModule } from './resolve-module-path.js';

interface ReadModule {
  view: SourceView;
  shape: JavascriptModuleShape;
  created?: Set<string>;
}

// Re-export chains (`routes/index.js` → `routes/orders.js`) longer than this are not followed.
const MAX_REEXPORT_DEPTH = 6;

/**
 * Reads a JavaScript/TypeScript project's mounts of imported routers and plugins
 * (Express, Koa, Fastify) and NestJS's global prefix. Each mount's target is followed
 * through re-exports to the file and local name that declare the router.
 */
export function buildJavascriptMountGraph(files: CheckoutFiles, project: string): MountGraph {
  const sources = files.projectSources(project, 'javascript', (path) => mountFamilyOf(path) === 'javascript');
  if (!sources) return EMPTY_MOUNT_GRAPH;
  const modules = new Map<string, ReadModule | undefined>();
  const moduleAt = (path: string): ReadModule | undefined => {
    if (modules.has(path)) return modules.get(path);
    const text = files.read(path);
    const view = text === undefined ? undefined : createWholeFileView(text, 'javascript');
    const read = view && { view, shape: readJavascriptModuleShape(view) };
    modules.set(path, read);
    return read;
  };
  const resolve = (specifier: string, from: string): string | undefined =>
    resolveJavascriptModule(specifier, from, project, files.exists);

  const declarationOf = (file: string, name: string, depth: number): MountEdge['target'] | undefined => {
    const read = moduleAt(file);
    if (!read || name === '*') return { file, name: undefined };
    const entry = read.shape.exports.get(name);
    const follow = (specifier: string, imported: string): MountEdge['target'] | undefined => {
      const next = depth < MAX_REEXPORT_DEPTH ? resolve(specifier, file) : undefined;
      return next === undefined ? undefined : declarationOf(next, imported, depth + 1);
    };
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

  const index = createEdgeIndex();
  let globalPrefix: GlobalPrefix | undefined;
  for (const path of sources) {
    const text = files.read(path);
    if (text === undefined || !JAVASCRIPT_MOUNT_HINT.test(text)) continue;
    const read = moduleAt(path);
    if (!read) continue;
    if (text.includes('setGlobalPrefix')) globalPrefix ??= readGlobalPrefix(read.view);
    for (const mount of readJavascriptMounts(read.view, read.shape)) {
      const file = resolve(mount.child.specifier, path);
      const target = file === undefined ? undefined : declarationOf(file, mount.child.name, 0);
      if (!target) continue;
      const { parentRoot, parentPrefix, path: mountPath } = mount;
      index.add({ file: path, parentRoot, parentPrefix, path: mountPath, target });
    }
  }
  if (files.exhausted()) return EMPTY_MOUNT_GRAPH;

  const createdIn = (file: string): Set<string> => {
    const read = moduleAt(file);
    if (!read) return new Set();
    return (read.created ??= findRouterMounts(read.view).created);
  };
  return {
    globalPrefix,
    edgesTo(file, name) {
      const exact = index.exact(file, name);
      if (exact.length > 0 || name === undefined) return exact;
      // A router the file creates and exports but nobody mounts has no prefix.
      const created = createdIn(file);
      if (
        created.has(name) &&
        [...(moduleAt(file)?.shape.exports.values() ?? [])].some(
          (entry) => entry.kind === 'local' && entry.local === name,
        )
      )
        return [];
      // Routes on a received instance (a Fastify plugin's `fastify`) or on a router a factory
      // returns take the mount of the file's function or anonymous export.
      return index
        .ofFile(file)
        .filter((edge) => edge.target.name === undefined || !created.has(edge.target.name));
    },
  };
}
