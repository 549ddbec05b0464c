import type { Project } from '../discovery/project.js';
import { extractEndpoints } from './endpoints/extract-endpoints.js';
import { ROUTE_EXTRACTORS } from './endpoints/route-extractors.js';
import { createFileChange } from '../code/file-change.js';
import { createProjectLookup } from '../discovery/find-project-for-path.js';
import { createCheckoutFiles, type CheckoutFiles } from './project-sources.js';
import { createFactCache, type FactCache } from '../code/fact-cache.js';
import { grammarOfPath } from '../code/syntax/grammar.js';
import { ROUTE_FAMILIES } from './routes/route-families.js';
import type { RouteFamily } from './routes/route-family.js';

export interface CollectProjectRoutesInput {
  /** Path of the project (as discovery gives it, `.` for the root). */
  project: string;
  /** Repository-relative paths of the head checkout's files. */
  listFiles: () => string[];
  readFile: (path: string) => string | undefined;
  /** Every discovered project: a file belongs to the deepest one containing it. */
  projects: Project[];
}

/** A route that exists in a project's head files. */
export interface ProjectRoute {
  method: string;
  path: string;
}

const byRoute = (a: ProjectRoute, b: ProjectRoute): number =>
  a.path.localeCompare(b.path) || a.method.localeCompare(b.method);

/** The route table a family builds from the project's files it reads, every prefix resolved. */
function familyRoutes(
  family: RouteFamily<unknown>,
  paths: readonly string[],
  files: CheckoutFiles,
  context: { project: string; frameworks: string[]; cache: FactCache },
): ProjectRoute[] {
  const facts = new Map<string, unknown>();
  for (const path of paths) {
    const text = files.read(path);
    const grammar = grammarOfPath(path);
    if (text === undefined || grammar === undefined || !family.mayDeclareRoutes(text)) continue;
    const read = context.cache.read(family.id, { path, text, grammar }, (root) =>
      family.readFacts(root, path),
    );
    if (read !== undefined) facts.set(path, read);
  }
  return family.link({
    files: facts,
    frameworks: context.frameworks,
    project: context.project,
    read: files.read,
    exists: files.exists,
    complete: true,
  });
}

/**
 * The routes a project declares in its head files, with the same cross-file prefixes as a
 * pull request's endpoints: files a per-file extractor still reads go through it (each taken
 * as wholly added), the others through their route family (with the grammars the analysis
 * loaded; without them the family's files give nothing). Bounded like mount resolution: test files are left out, and a project with more
 * source files than the limit, or more text than the budget, gives none.
 */
export function collectProjectRoutes(input: CollectProjectRoutesInput): ProjectRoute[] {
  const ownerOf = createProjectLookup(input.projects);
  const files = createCheckoutFiles(input.listFiles, input.readFile, ownerOf);
  const extracted = (path: string) => ROUTE_EXTRACTORS.some((extractor) => extractor.appliesTo(path));
  const routeFiles = files.projectSources(
    input.project,
    'routes',
    (path) => extracted(path) || ROUTE_FAMILIES.some((family) => family.accepts(path)),
  );
  if (!routeFiles) return [];
  const frameworks =
    input.projects.find((project) => project.path === input.project)?.frameworks.map((f) => f.name) ?? [];
  const routes = new Map<string, ProjectRoute>();
  const add = (route: ProjectRoute) =>
    routes.set(`${route.method} ${route.path}`, { method: route.method, path: route.path });
  const context = { project: input.project, frameworks, cache: createFactCache() };
  for (const family of ROUTE_FAMILIES) {
    const paths = routeFiles.filter((path) => family.accepts(path) && !extracted(path));
    if (paths.length > 0) familyRoutes(family, paths, files, context).forEach(add);
  }
  for (const path of routeFiles) {
    if (!extracted(path)) continue;
    const text = files.read(path);
    if (text === undefined) continue;
    const file = { path, status: 'added' as const, additions: 0, deletions: 0 };
    const change = createFileChange(file, input.project, (wanted) => (wanted === path ? text : undefined));
    for (const endpoint of extractEndpoints(change, frameworks)) add(endpoint);
  }
  if (files.exhausted()) return [];
  return [...routes.values()].sort(byRoute);
}
