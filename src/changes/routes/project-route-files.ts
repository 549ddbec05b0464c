import { classifyPath } from '../../code/classify-path.js';
import type { SourceSide } from '../../code/source-side.js';

/** Past this many files of one family in one project, prefixes are not resolved across files: a PR is not worth a slow run. */
export const MAX_PROJECT_ROUTE_FILES = 5000;

/**
 * The files of each project on one side, by project path: application source only (tests
 * mount routers wherever suits them, and generated or vendored code is not the app's).
 * Listed once per side.
 */
export function groupSourceFilesByProject(
  side: SourceSide,
  projectOf: (path: string) => string,
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const path of side.list()) {
    const role = classifyPath(path).role;
    // Route configuration files (application.yml, routes.rb is source) are 'config' to the classifier.
    if (role !== 'source' && role !== 'config') continue;
    const project = projectOf(path);
    const list = groups.get(project);
    if (list) list.push(path);
    else groups.set(project, [path]);
  }
  return groups;
}
