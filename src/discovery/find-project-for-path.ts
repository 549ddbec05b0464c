import type { Project } from './project.js';

/** Finds, for a repository path, the deepest discovered project that contains it. */
export type ProjectLookup = (path: string) => Project | undefined;

function normalized(path: string): string {
  const trimmed = path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
  return trimmed === '' ? '.' : trimmed;
}

/**
 * Builds a lookup over the projects, sorted once, for callers that place many files: the
 * deepest project whose folder holds the path wins, and the root project `.` holds every file.
 */
export function createProjectLookup(projects: Project[]): ProjectLookup {
  const byDepth = projects
    .map((project) => ({ project, folder: normalized(project.path) }))
    .sort((a, b) => (b.folder === '.' ? -1 : b.folder.length) - (a.folder === '.' ? -1 : a.folder.length));
  return (path) => {
    const file = normalized(path);
    for (const { project, folder } of byDepth) {
      if (folder === '.' || file === folder || file.startsWith(`${folder}/`)) return project;
    }
    return undefined;
  };
}

/**
 * The deepest project whose directory contains `filePath` (repository-relative; `./`
 * and Windows separators are accepted). The root project `.` contains every file.
 */
export function findProjectForPath(projects: Project[], filePath: string): Project | undefined {
  return createProjectLookup(projects)(filePath);
}
