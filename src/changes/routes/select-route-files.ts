import type { ProjectSide, RouteFamily } from './route-family.js';

/** At most this many files of one project side are parsed for routes: past it, the table says what it has. */
export const MAX_PARSED_ROUTE_FILES = 1500;

export interface RouteFileSelection {
  /** Files whose facts the table is built from. */
  files: Set<string>;
  /** True when the cap stopped the search before it was done. */
  capped: boolean;
}

export interface SelectionInput<Facts> {
  family: RouteFamily<Facts>;
  side: ProjectSide;
  /** The project's files of this family on this side. */
  candidates: readonly string[];
  /** Changed files on this side that may declare, prefix or mount routes. */
  seeds: readonly string[];
  /** The text of a file of this side (cached by the caller). */
  textOf(path: string): string | undefined;
  /** The facts of a file of this side, parsing it if needed. */
  factsOf(path: string): Facts | undefined;
}

/** Past this many different words asked about, the files are indexed by word instead of scanned per word. */
const WORDS_SCANNED_BEFORE_INDEXING = 16;

const WORD_CHARACTER = /[\w$-]/;

/** True when `word` stands in `text` as a whole word (the index's words: runs of letters, digits, `_`, `$` and `-`). */
function containsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (WORD_CHARACTER.test(text[at - 1] ?? '') || WORD_CHARACTER.test(text[at + word.length] ?? '')) continue;
    return true;
  }
  return false;
}

/** Files by the words they contain, built once, so "who mentions `users`?" is a lookup, not a scan per question. */
function indexWords(
  paths: readonly string[],
  textOf: (path: string) => string | undefined,
): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const path of paths) {
    const words = new Set((textOf(path) ?? '').match(/[\w$-]+/g) ?? []);
    for (const word of words) {
      const list = index.get(word);
      if (list) list.push(path);
      else index.set(word, [path]);
    }
  }
  return index;
}

/**
 * The files a project side's route table needs, found from the changed files outwards:
 * what they import (routers mounted below them), the files that name them (mounts above
 * them), again from each file found, and the files that set routing up for the whole
 * project. Only files that can declare routes are parsed; nothing grows with files × routes.
 */
export function selectRouteFiles<Facts>(input: SelectionInput<Facts>): RouteFileSelection {
  const { family, textOf } = input;
  const routing = new Map<string, boolean>();
  const mayRoute = (path: string): boolean => {
    let known = routing.get(path);
    if (known === undefined) {
      const text = textOf(path);
      known = text !== undefined && family.mayDeclareRoutes(text);
      routing.set(path, known);
    }
    return known;
  };
  const roots = family.isRoutingRoot
    ? input.candidates.filter((path) => mayRoute(path) && family.isRoutingRoot?.(path, textOf(path) ?? ''))
    : [];
  const selected = new Set<string>();
  const seeds = new Set(input.seeds);
  let frontier = [...new Set([...input.seeds, ...roots])].filter(mayRoute);
  // A change whose files mount nothing reads no other file; one that asks about a few words
  // scans the files for each; past that, the files are indexed by word once.
  let index: Map<string, string[]> | undefined;
  const scanned = new Map<string, string[]>();
  const mentioning = (word: string): string[] => {
    if (index) return index.get(word) ?? [];
    const known = scanned.get(word);
    if (known) return known;
    if (scanned.size >= WORDS_SCANNED_BEFORE_INDEXING) {
      index = indexWords(input.candidates, textOf);
      return index.get(word) ?? [];
    }
    const found = input.candidates.filter((path) => containsWord(textOf(path) ?? '', word));
    scanned.set(word, found);
    return found;
  };
  let capped = false;
  while (frontier.length > 0) {
    const next = new Set<string>();
    for (const path of frontier) {
      // The changed files are always read; the cap is on what is read around them.
      if (selected.size >= MAX_PARSED_ROUTE_FILES + seeds.size && !seeds.has(path)) {
        capped = true;
        break;
      }
      selected.add(path);
      const facts = input.factsOf(path);
      const side = { ...input.side, mentioning };
      if (facts !== undefined)
        for (const dependency of family.dependencies(facts, path, side)) next.add(dependency);
      const mayMount = (found: string, hint: string): boolean =>
        family.mayMount?.(textOf(found) ?? '', hint, path, found, input.side) ?? true;
      for (const hint of family.mounterHints(path, facts, input.side))
        for (const found of mentioning(hint)) if (mayMount(found, hint)) next.add(found);
      for (const hint of facts === undefined ? [] : (family.mountedHints?.(facts, path) ?? []))
        for (const found of mentioning(hint)) next.add(found);
    }
    frontier = [...next].filter((path) => !selected.has(path) && mayRoute(path));
    if (capped) break;
  }
  return { files: selected, capped };
}
