/** A stretch of a file (a function's text) inside the one that encloses it (its parent, of the same kind). */
export interface NestedRange {
  start: number;
  end: number;
  parent?: unknown;
}

/**
 * The innermost of `ranges` (sorted by start, each nested in its parent or disjoint from it)
 * that holds `position`, else `outermost`: a binary search for the last range starting at or
 * before the position, then up its parents.
 */
export function innermostRange<T extends NestedRange>(
  ranges: readonly T[],
  position: number,
  outermost: T,
): T {
  let low = 0;
  let high = ranges.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((ranges[middle]?.start ?? 0) <= position) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  for (let range = ranges[found]; range; range = range.parent as T | undefined)
    if (range.start <= position && position < range.end) return range;
  return outermost;
}
