import { classifyPath } from '../code/classify-path.js';
import type { ProjectLookup } from '../discovery/find-project-for-path.js';

/** Files larger than this are generated bundles or data, not route code: never read. */
export const MAX_SOURCE_CHARS = 512 * 1024;
/** A project with more source files of one language than this is not scanned at all: no prefixes rather than a slow review. */
export const MAX_PROJECT_SOURCES = 3000;
/** Characters read across every project of one analysis; past it, resolution stops and says nothing. */
const MAX_TOTAL_CHARS = 48 * 1024 * 1024;

// Folders of installed or built code that a file list from a plain walk may still hold.
const FOREIGN_FOLDER =
  /(^|\/)(\.[^/]+|node_modules|vendor|venv|site-packages|__pycache__|dist|build|target)\//;

/** The head checkout as the project route listing sees it: which files exist, and a budgeted, cached reader. */
export interface CheckoutFiles {
  exists(path: string): boolean;
  /**
   * Source files (not tests, not generated, not dependencies) of one project that `accepts`
   * takes, sorted; undefined when there are more than {@link MAX_PROJECT_SOURCES}.
   * `kind` names the selection for the cache.
   */
  projectSources(project: string, kind: string, accepts: (path: string) => boolean): string[] | undefined;
  /** A file's text, or undefined when missing, too large, or past the reading budget. */
  read(path: string): string | undefined;
  /** True once the reading budget ran out: results built since then are incomplete. */
  exhausted(): boolean;
}

/** Wraps `listFiles` and `readFile` with the project boundaries and the limits above; lists once, reads each file once. */
export function createCheckoutFiles(
  listFiles: () => string[],
  readFile: (path: string) => string | undefined,
  ownerOf: ProjectLookup,
): CheckoutFiles {
  let listed: Set<string> | undefined;
  const all = (): Set<string> => (listed ??= new Set(listFiles()));
  const sources = new Map<string, string[] | undefined>();
  const texts = new Map<string, string | undefined>();
  let budget = MAX_TOTAL_CHARS;
  const projectSources = (
    project: string,
    kind: string,
    accepts: (path: string) => boolean,
  ): string[] | undefined => {
    const key = `${kind} ${project}`;
    if (sources.has(key)) return sources.get(key);
    const result = findProjectSources(all(), ownerOf, project, accepts);
    sources.set(key, result);
    return result;
  };
  const read = (path: string): string | undefined => {
    if (texts.has(path)) return texts.get(path);
    if (budget <= 0 || !all().has(path)) return undefined;
    const text = readFile(path);
    const kept = text !== undefined && text.length <= MAX_SOURCE_CHARS ? text : undefined;
    budget -= kept?.length ?? 0;
    texts.set(path, kept);
    return kept;
  };
  return { exists: (path) => all().has(path), projectSources, read, exhausted: () => budget <= 0 };
}

/** The project's own source files that `accepts` takes, sorted; undefined when there are too many to read. */
function findProjectSources(
  files: Iterable<string>,
  ownerOf: ProjectLookup,
  project: string,
  accepts: (path: string) => boolean,
): string[] | undefined {
  const found: string[] = [];
  for (const path of files) {
    if (!accepts(path) || FOREIGN_FOLDER.test(path)) continue;
    if ((ownerOf(path)?.path ?? '.') !== project) continue;
    // Tests mount routers at whatever path suits them; they would mislead.
    if (classifyPath(path).role !== 'source') continue;
    found.push(path);
    if (found.length > MAX_PROJECT_SOURCES) break;
  }
  return found.length > MAX_PROJECT_SOURCES ? undefined : found.sort();
}
