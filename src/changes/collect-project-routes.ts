import type { Project } from '../discovery/project.js';
import { extractEndpoints } from './endpoints/extract-endpoints.js';
import { ROUTE_EXTRACTORS } from './endpoints/route-extractors.js';
import { createFileChange } from '../code/file-change.js';
import { createProjectLookup } from '../discovery/find-project-for-path.js';
import { createMountPrefixes } from './mounts/create-mount-prefixes.js';
import { createCheckoutFiles } from './mounts/project-sources.js';

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

/**
 * The routes a project declares in its head files, read by the same extractors as a
 * pull request's endpoints (each file taken as wholly added) and with the same cross-file
 * prefixes. Bounded like mount resolution: test files are left out, and a project with
 * more source files than the limit, or more text than the budget, gives none.
 */
export function collectProjectRoutes(input: CollectProjectRoutesInput): ProjectRoute[] {
  const ownerOf = createProjectLookup(input.projects);
  const files = createCheckoutFiles(input.listFiles, input.readFile, ownerOf);
  const routeFiles = files.projectSources(input.project, 'routes', (path) =>
    ROUTE_EXTRACTORS.some((extractor) => extractor.appliesTo(path)),
  );
  if (!routeFiles) return [];
  const mountsOf = createMountPrefixes({ ownerOf, files });
  const frameworks =
    input.projects.find((project) => project.path === input.project)?.frameworks.map((f) => f.name) ?? [];
  const routes = new Map<string, ProjectRoute>();
  for (const path of routeFiles) {
    const text = files.read(path);
    if (text === undefined) continue;
    const file = { path, status: 'added' as const, additions: 0, deletions: 0 };
    const change = createFileChange(file, input.project, (wanted) => (wanted === path ? text : undefined));
    for (const endpoint of extractEndpoints(change, frameworks, mountsOf(path)))
      routes.set(`${endpoint.method} ${endpoint.path}`, { method: endpoint.method, path: endpoint.path });
  }
  if (files.exhausted()) return [];
  return [...routes.values()].sort(byRoute);
}
