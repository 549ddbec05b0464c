import { createMentionFinder } from './find-mentions.js';
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
  /**
   * Texts holding every word a file of this side has, when they are cheaper to come by than
   * its text (a changed file's other side and its changed lines); its text when absent. Only
   * the search for mounters reads them, and every file it finds is checked on its own text.
   */
  wordsOf?(path: string): readonly string[];
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
  const mentions = createMentionFinder(
    input.candidates,
    input.wordsOf ??
      ((path) => {
        const text = textOf(path);
        return text === undefined ? [] : [text];
      }),
  );
  const mentioning = (word: string): string[] => mentions.mentioning(word);
  const side = { ...input.side, mentioning };
  let capped = false;
  while (frontier.length > 0) {
    const next = new Set<string>();
    // Each round reads its files' facts first, so the words their mounters must contain are searched for together.
    const round: { path: string; facts: Facts | undefined; mounters: string[]; mounted: string[] }[] = [];
    for (const path of frontier) {
      // The changed files are always read; the cap is on what is read around them.
      if (selected.size >= MAX_PARSED_ROUTE_FILES + seeds.size && !seeds.has(path)) {
        capped = true;
        break;
      }
      selected.add(path);
      const facts = input.factsOf(path);
      const mounters = family.mounterHints(path, facts, input.side);
      const mounted = facts === undefined ? [] : (family.mountedHints?.(facts, path) ?? []);
      round.push({ path, facts, mounters, mounted });
    }
    mentions.find(round.flatMap((file) => [...file.mounters, ...file.mounted]));
    for (const { path, facts, mounters, mounted } of round) {
      if (facts !== undefined)
        for (const dependency of family.dependencies(facts, path, side)) next.add(dependency);
      for (const hint of mounters)
        for (const found of mentioning(hint))
          if (family.mayMount?.(textOf(found) ?? '', hint, path, found, input.side) ?? true) next.add(found);
      for (const hint of mounted) for (const found of mentioning(hint)) next.add(found);
    }
    frontier = [...next].filter((path) => !selected.has(path) && mayRoute(path));
    if (capped) break;
  }
  return { files: selected, capped };
}
