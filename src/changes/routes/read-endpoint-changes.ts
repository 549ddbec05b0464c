import type { FactCache } from '../../code/fact-cache.js';
import type { FileChange } from '../../code/file-change.js';
import { isTestPath } from '../../code/classify-path.js';
import { grammarOfPath } from '../../code/syntax/grammar.js';
import { grammarFailure, loadedLanguage } from '../../code/syntax/load-grammars.js';
import type { SourceSide } from '../../code/source-side.js';
import type { Endpoint, ProjectRoute } from '../change-analysis.js';
import { diffRouteTables } from './diff-route-tables.js';
import { dropUnpluggedRoutes } from './drop-unplugged-routes.js';
import type { RouteEntry } from './route-entry.js';
import { groupSourceFilesByProject, MAX_PROJECT_ROUTE_FILES } from './project-route-files.js';
import { ROUTE_FAMILIES } from './route-families.js';
import type { ProjectSide, RouteFamily } from './route-family.js';
import { selectRouteFiles } from './select-route-files.js';

export interface EndpointChangeInput {
  changes: readonly FileChange[];
  head: SourceSide;
  base: SourceSide;
  /** The project path owning a repository path (`.` when none). */
  projectOf: (path: string) => string;
  /** Canonical framework names of the projects at a path. */
  frameworksOf: (project: string) => readonly string[];
  cache: FactCache;
}

export interface EndpointChanges {
  endpoints: Endpoint[];
  /** The routes of the touched projects at the base, as far as the files read for the change show them. */
  routesBefore: ProjectRoute[];
  /** What the reader should know: files that could not be parsed, projects too large to resolve. */
  notes: string[];
}

type AnyFamily = RouteFamily<unknown>;

/** Up to this many changed files of a family in a project, each is read for routes, whatever its change. */
export const MAX_CHANGED_FILES_READ_WHOLE = 100;

/** Files larger than this are generated bundles or data, not route code: never read. */
const MAX_ROUTE_FILE_CHARS = 512 * 1024;

interface Pair {
  project: string;
  family: AnyFamily;
  /** Changed paths (old and new) of the family in the project, with the changed lines' text. */
  changed: Map<string, string>;
  /** Paths of files added, removed or renamed: whatever their lines say, they can move routes. */
  moved: Set<string>;
}

/** Statuses under which a file's routes appear, vanish or change path whatever its lines say. */
const RELOCATING: ReadonlySet<string> = new Set(['added', 'removed', 'renamed', 'copied']);

function changedText(change: FileChange): string {
  return [...change.added, ...change.removed].map((line) => line.text).join('\n');
}

/** The (project, family) pairs the PR's changed files call for. */
function pairsToRead(input: EndpointChangeInput): Pair[] {
  const pairs = new Map<string, Pair>();
  for (const change of input.changes) {
    for (const path of [change.file.path, change.file.previousPath]) {
      if (path === undefined || isTestPath(path)) continue;
      for (const family of ROUTE_FAMILIES) {
        if (!family.accepts(path) && !family.readsConfiguration?.(path)) continue;
        const project = input.projectOf(path);
        const key = `${family.id}\0${project}`;
        const pair = pairs.get(key) ?? {
          project,
          family,
          changed: new Map<string, string>(),
          moved: new Set(),
        };
        pair.changed.set(path, changedText(change));
        if (RELOCATING.has(change.file.status)) pair.moved.add(path);
        pairs.set(key, pair);
      }
    }
  }
  return [...pairs.values()];
}

/** Reads one side of one project for one family: texts once, facts through the shared cache. */
function createSideReader(side: SourceSide, family: AnyFamily, cache: FactCache, notes: Set<string>) {
  const texts = new Map<string, string | undefined>();
  const unreadable = new Set<string>();
  const textOf = (path: string): string | undefined => {
    if (!texts.has(path)) {
      const text = side.read(path);
      if (text === undefined && side.has(path)) unreadable.add(path);
      texts.set(path, text !== undefined && text.length <= MAX_ROUTE_FILE_CHARS ? text : undefined);
    }
    return texts.get(path);
  };
  const factsOf = (path: string): unknown => {
    const text = textOf(path);
    const grammar = grammarOfPath(path);
    if (text === undefined || grammar === undefined) return undefined;
    if (!loadedLanguage(grammar)) {
      notes.add(
        `Routes in ${grammar} files were not read: its grammar could not be loaded (${grammarFailure(grammar) ?? 'not loaded'}).`,
      );
      unreadable.add(path);
      return undefined;
    }
    const facts = cache.read(family.id, { path, text, grammar }, (root) => family.readFacts(root, path));
    if (facts === undefined) unreadable.add(path);
    return facts;
  };
  return { textOf, factsOf, unreadable };
}

function projectSide(side: SourceSide, project: string): ProjectSide {
  let folders: Map<string, string[]> | undefined;
  const indexFolders = (): Map<string, string[]> => {
    const index = new Map<string, string[]>();
    for (const path of side.list()) {
      const slash = path.lastIndexOf('/');
      const folder = slash < 0 ? '.' : path.slice(0, slash);
      const list = index.get(folder);
      if (list) list.push(path);
      else index.set(folder, [path]);
    }
    return index;
  };
  return {
    project,
    read: (path) => side.read(path),
    exists: (path) => side.has(path),
    filesUnder: (folder) =>
      folder === '.' || folder === ''
        ? [...side.list()]
        : side.list().filter((path) => path.startsWith(`${folder}/`)),
    filesIn: (folder) => (folders ??= indexFolders()).get(folder) ?? [],
  };
}

/**
 * Endpoint changes as the difference of route tables: for each project the PR touches, the
 * route table (prefixes resolved across the files that mount the changed ones, and the ones
 * they mount) is built at the base and at the head, from the same files, and the two are
 * compared. A file that cannot be read on one side is left out of both.
 */
export function readEndpointChanges(input: EndpointChangeInput): EndpointChanges {
  const notes = new Set<string>();
  const endpoints: Endpoint[] = [];
  const routesBefore: ProjectRoute[] = [];
  const groups = {
    head: groupSourceFilesByProject(input.head, input.projectOf),
    base: groupSourceFilesByProject(input.base, input.projectOf),
  };
  for (const pair of pairsToRead(input)) {
    const read = readPair(pair, input, groups, notes);
    endpoints.push(...read.endpoints);
    routesBefore.push(
      ...read.before.map((route) => ({ project: pair.project, method: route.method, path: route.path })),
    );
  }
  return { endpoints, routesBefore, notes: [...notes] };
}

function readPair(
  { project, family, changed, moved }: Pair,
  input: EndpointChangeInput,
  groups: { head: Map<string, string[]>; base: Map<string, string[]> },
  notes: Set<string>,
): { endpoints: Endpoint[]; before: RouteEntry[] } {
  const sides = { head: input.head, base: input.base };
  const readers = {
    head: createSideReader(input.head, family, input.cache, notes),
    base: createSideReader(input.base, family, input.cache, notes),
  };
  const candidatesOf = (name: 'head' | 'base'): string[] => {
    const all = (groups[name].get(project) ?? []).filter((path) => family.accepts(path));
    if (all.length <= MAX_PROJECT_ROUTE_FILES) return all;
    notes.add(
      `Route prefixes declared outside the changed files of \`${project}\` were not resolved: it has more than ${MAX_PROJECT_ROUTE_FILES} files to read.`,
    );
    return all.filter((path) => changed.has(path));
  };
  // A changed file whose changed lines cannot move a route has the same facts on both sides.
  const movesRoutes = (path: string): boolean => {
    const text = changed.get(path);
    return (
      text === undefined || moved.has(path) || (family.changeMayMoveRoutes ?? family.mayDeclareRoutes)(text)
    );
  };
  const baseFactsOf = (path: string): unknown =>
    changed.has(path) && !movesRoutes(path) && sides.head.has(path)
      ? readers.head.factsOf(path)
      : readers.base.factsOf(path);
  // A changed file whose changes cannot move a route adds the same routes to both tables; its
  // base routes still show the API's conventions to the reviews. Past a size, such files are
  // read only when a file that can move routes is linked to them.
  const readsEveryChange = changed.size <= MAX_CHANGED_FILES_READ_WHOLE;
  // A changed file's base words are among its head text and its changed lines: searching those
  // spares rebuilding the base text of every changed file of a large pull request.
  const baseWordsOf = (path: string): readonly string[] => {
    const lines = changed.get(path);
    const head = lines !== undefined && sides.head.has(path) ? readers.head.textOf(path) : undefined;
    if (lines !== undefined && head !== undefined) return [head, lines];
    const text = readers.base.textOf(path);
    return text === undefined ? [] : [text];
  };
  // A configuration change that can move routes (a context path) moves every route of the project.
  const configurationMoved = [...changed.keys()].some(
    (path) => !family.accepts(path) && family.readsConfiguration?.(path) === true && movesRoutes(path),
  );
  const views = { head: projectSide(sides.head, project), base: projectSide(sides.base, project) };
  const selected = new Set<string>();
  for (const name of ['head', 'base'] as const) {
    const candidates = candidatesOf(name);
    const selection = selectRouteFiles({
      family,
      side: views[name],
      candidates,
      seeds: configurationMoved
        ? candidates
        : [...changed.keys()].filter(
            (path) =>
              sides[name].has(path) && family.accepts(path) && (readsEveryChange || movesRoutes(path)),
          ),
      textOf: readers[name].textOf,
      factsOf: name === 'head' ? readers.head.factsOf : baseFactsOf,
      ...(name === 'base' ? { wordsOf: baseWordsOf } : {}),
    });
    if (selection.capped)
      notes.add(
        `Route prefixes in \`${project}\` were resolved from the first ${selected.size} routing files only.`,
      );
    for (const path of selection.files) selected.add(path);
  }
  const tableOf = (name: 'head' | 'base') => {
    const factsOf = name === 'head' ? readers.head.factsOf : baseFactsOf;
    const files = new Map<string, unknown>();
    for (const path of selected) {
      if (!sides[name].has(path)) continue;
      const facts = factsOf(path);
      if (facts !== undefined) files.set(path, facts);
    }
    return family.link({
      files,
      frameworks: input.frameworksOf(project),
      project,
      read: (path) => sides[name].read(path),
      exists: (path) => sides[name].has(path),
      filesIn: (folder) => views[name].filesIn(folder),
      complete: sides[name].complete,
    });
  };
  const skip = new Set([...readers.head.unreadable, ...readers.base.unreadable]);
  const readable = (route: RouteEntry): boolean => !skip.has(route.file);
  const [base, head] = dropUnpluggedRoutes(tableOf('base'), tableOf('head'));
  return { endpoints: diffRouteTables(base.filter(readable), head.filter(readable), project), before: base };
}
