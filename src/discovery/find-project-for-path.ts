import type { Project } from './project.js';

/**
 * The deepest project whose directory contains `filePath` (repository-relative; `./`
 * and Windows separators are accepted). The root project `.` contains every file.
 */
export function findProjectForPath(projects: Project[], filePath: string): Project | undefined {
  const file = filePath.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  let best: Project | undefined;
  let bestDepth = -1;
  for (const project of projects) {
    const contains = project.path === '.' || file === project.path || file.startsWith(`${project.path}/`);
    const depth = project.path === '.' ? 0 : project.path.split('/').length;
    if (contains && depth > bestDepth) {
      best = project;
      bestDepth = depth;
    }
  }
  return best;
}
