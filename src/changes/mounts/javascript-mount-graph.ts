import { createEdgeIndex, type EdgeIndex } from './edge-index.js';
import { functionBindsName, isSharedFastifyPlugin } from './javascript-function-scope.js';
import { createJavascriptDeclarations, type JavascriptDeclarations } from './javascript-declarations.js';
import { JAVASCRIPT_MOUNT_HINT, readGlobalPrefix, readJavascriptMounts } from './javascript-mounts.js';
import { EMPTY_MOUNT_GRAPH, type GlobalPrefix, type MountEdge, type MountGraph } from './mounted-prefixes.js';
import { mountFamilyOf, type CheckoutFiles } from './project-sources.js';

/**
 * Reads a JavaScript/TypeScript project's mounts of imported routers and plugins
 * (Express, Koa, Fastify) and NestJS's global prefix. Each mount's target is followed
 * through re-exports to the file and local name that declare the router.
 */
export function buildJavascriptMountGraph(files: CheckoutFiles, project: string): MountGraph {
  const sources = files.projectSources(project, 'javascript', (path) => mountFamilyOf(path) === 'javascript');
  if (!sources) return EMPTY_MOUNT_GRAPH;
  const declarations = createJavascriptDeclarations(files, project);
  const index = createEdgeIndex();
  let globalPrefix: GlobalPrefix | undefined;
  for (const path of sources) {
    const text = files.read(path);
    if (text === undefined || !JAVASCRIPT_MOUNT_HINT.test(text)) continue;
    const read = declarations.moduleAt(path);
    if (!read) continue;
    if (text.includes('setGlobalPrefix')) globalPrefix ??= readGlobalPrefix(read.view);
    for (const mount of readJavascriptMounts(read.view, read.shape)) {
      const file = declarations.resolve(mount.child.specifier, path);
      const target = file === undefined ? undefined : declarations.declarationOf(file, mount.child.name);
      if (!target) continue;
      const { parentRoot, parentPrefix, path: mountPath } = mount;
      index.add({ file: path, parentRoot, parentPrefix, path: mountPath, target });
    }
  }
  if (files.exhausted()) return EMPTY_MOUNT_GRAPH;
  return { globalPrefix, edgesTo: (file, name) => edgesTo(index, declarations, file, name) };
}

function edgesTo(
  index: EdgeIndex,
  declarations: JavascriptDeclarations,
  file: string,
  name: string | undefined,
): MountEdge[] {
  const exact = index.exact(file, name);
  if (exact.length > 0 || name === undefined) return exact;
  const created = declarations.createdIn(file);
  const exports = [...(declarations.moduleAt(file)?.shape.exports.values() ?? [])];
  // A router the file creates and exports but nobody mounts has no prefix.
  if (created.has(name) && exports.some((entry) => entry.kind === 'local' && entry.local === name)) return [];
  // Routes on a received instance (a Fastify plugin's `fastify`) or on a router a factory
  // returns take the mount of the file's function or anonymous export.
  const read = declarations.moduleAt(file);
  if (!read) return [];
  return index
    .ofFile(file)
    .filter((edge) => edge.target.name === undefined || !created.has(edge.target.name))
    .filter((edge) => functionBindsName(read.view, edge.target.name, name))
    .filter((edge) => !isSharedFastifyPlugin(read.view, edge.target.name, read.shape.imports));
}
