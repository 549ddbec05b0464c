import type { MountEdge } from './mounted-prefixes.js';

/** Mount edges grouped by what they mount (`file` and local name), and by file alone. */
export interface EdgeIndex {
  add(edge: MountEdge): void;
  exact(file: string, name: string | undefined): MountEdge[];
  ofFile(file: string): MountEdge[];
}

/** An empty index to fill while a project's files are read. */
export function createEdgeIndex(): EdgeIndex {
  const byTarget = new Map<string, MountEdge[]>();
  const byFile = new Map<string, MountEdge[]>();
  const push = (map: Map<string, MountEdge[]>, key: string, edge: MountEdge): void => {
    const list = map.get(key);
    if (list) list.push(edge);
    else map.set(key, [edge]);
  };
  return {
    add(edge) {
      push(byTarget, `${edge.target.file}\0${edge.target.name ?? ''}`, edge);
      push(byFile, edge.target.file, edge);
    },
    exact: (file, name) => byTarget.get(`${file}\0${name ?? ''}`) ?? [],
    ofFile: (file) => byFile.get(file) ?? [],
  };
}
