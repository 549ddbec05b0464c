import { joinRoutePath } from '../endpoints/route-declaration.js';
import type { MountGraph, OuterMount } from './mounted-prefixes.js';

const PENDING = Symbol('pending');

/**
 * Composes mounts across files: a router's prefix is the prefix of whatever its mounting
 * file's receiver hangs under, then that receiver's own prefix, then the mount's path
 * (`/api` + `/v1` + `/orders`). A router mounted in several places takes its first mount
 * (by file path); an import cycle ends where it closes, so the walk always terminates.
 */
export function createOuterMounts(
  graph: MountGraph,
): (file: string, name: string | undefined) => OuterMount | undefined {
  const memo = new Map<string, OuterMount | undefined | typeof PENDING>();
  const outer = (file: string, name: string | undefined): OuterMount | undefined => {
    const key = `${file}\0${name ?? ''}`;
    const known = memo.get(key);
    if (known === PENDING) return undefined;
    if (memo.has(key)) return known;
    memo.set(key, PENDING);
    let result: OuterMount | undefined;
    for (const edge of graph.edgesTo(file, name)) {
      if (edge.file === file && edge.parentRoot === name) continue;
      const above = outer(edge.file, edge.parentRoot);
      result = {
        prefix: joinRoutePath(above?.prefix, edge.parentPrefix, edge.path),
        namesPrefix: edge.path !== undefined,
      };
      break;
    }
    memo.set(key, result);
    return result;
  };
  return outer;
}
