/** At most this many prefixes are kept for one router: a router mounted in more places is a library, not an API. */
const MAX_PREFIXES = 8;

/**
 * Where routers hang: `parent` mounts `child` under `prefix`. Nodes are strings the
 * language family chooses (a router variable, a function parameter, a whole file).
 */
export interface PrefixGraph {
  mount(parent: string, child: string, prefix: string): void;
  /**
   * Every full prefix of `node`, one per chain of mounts from a node nothing mounts;
   * `['']` when nothing mounts it. Cycles are cut where they close.
   */
  prefixesOf(node: string): string[];
  /** True when something mounts `node`. */
  isMounted(node: string): boolean;
}

function join(outer: string, inner: string): string {
  if (outer === '') return inner;
  if (inner === '') return outer;
  return `${outer.replace(/\/+$/, '')}/${inner.replace(/^\/+/, '')}`;
}

/** An empty graph; prefixes are computed on demand and remembered. */
export function createPrefixGraph(): PrefixGraph {
  const parents = new Map<string, { parent: string; prefix: string }[]>();
  const memo = new Map<string, string[]>();
  const prefixesOf = (node: string, visiting: Set<string>): string[] => {
    const known = memo.get(node);
    if (known) return known;
    const edges = parents.get(node) ?? [];
    if (edges.length === 0) return [''];
    visiting.add(node);
    const found = new Set<string>();
    for (const edge of edges) {
      if (visiting.has(edge.parent)) continue;
      for (const outer of prefixesOf(edge.parent, visiting)) {
        if (found.size < MAX_PREFIXES) found.add(join(outer, edge.prefix));
      }
    }
    visiting.delete(node);
    // A node reachable only through a cycle is mounted nowhere that can be known.
    const result = found.size === 0 ? [''] : [...found];
    if (visiting.size === 0) memo.set(node, result);
    return result;
  };
  return {
    mount(parent, child, prefix) {
      if (parent === child) return;
      const list = parents.get(child) ?? [];
      if (!list.some((edge) => edge.parent === parent && edge.prefix === prefix))
        list.push({ parent, prefix });
      parents.set(child, list);
      memo.clear();
    },
    prefixesOf: (node) => prefixesOf(node, new Set()),
    isMounted: (node) => (parents.get(node)?.length ?? 0) > 0,
  };
}
