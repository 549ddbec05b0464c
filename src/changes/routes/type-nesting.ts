import type { SyntaxNode } from '../../code/syntax/parse-source.js';

interface Entry {
  name: string;
  start: number;
  end: number;
  parent: number;
}

/** Which type declaration encloses a node, from the type nodes of a file visited in document order. */
export interface TypeNesting {
  /** Registers a type declaration (in document order) and returns its name within the file: `Outer.Inner`. */
  enter(node: SyntaxNode, simpleName: string): string;
  /** The name of the innermost type declaration around a node; undefined outside every type. */
  ownerOf(node: SyntaxNode): string | undefined;
  /** The type declared last before a node that no type encloses (a diff's hunk cut its class short). */
  declaredAbove(node: SyntaxNode): { owner?: string };
}

/** Nesting from offsets alone: no walk up or down the tree. */
export function createTypeNesting(): TypeNesting {
  const entries: Entry[] = [];
  const lastStartingBefore = (offset: number): number => {
    let low = 0;
    let high = entries.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((entries[middle]?.start ?? 0) <= offset) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  };
  return {
    enter(node, simpleName) {
      let parent = entries.length - 1;
      while (parent >= 0 && (entries[parent]?.end ?? 0) <= node.startIndex)
        parent = entries[parent]?.parent ?? -1;
      const outer = parent >= 0 ? entries[parent]?.name : undefined;
      const name = outer === undefined ? simpleName : `${outer}.${simpleName}`;
      entries.push({ name, start: node.startIndex, end: node.endIndex, parent });
      return name;
    },
    ownerOf(node) {
      let index = lastStartingBefore(node.startIndex);
      while (index >= 0) {
        const entry = entries[index];
        if (entry && entry.end >= node.endIndex) return entry.name;
        index = entry?.parent ?? -1;
      }
      return undefined;
    },
    declaredAbove(node) {
      const entry = entries[lastStartingBefore(node.startIndex)];
      return entry ? { owner: entry.name } : {};
    },
  };
}
