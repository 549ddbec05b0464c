import type { Project } from '../discovery/project.js';

/** Finds, for a repository path, the deepest discovered project that contains it. */
export type ProjectLookup = (path: string) => Project | undefined;

function normalized(projectPath: string): string {
  const trimmed = projectPath.replace(/^\.\/+/, '').replace(/\/+$/, '');
  return trimmed === '' ? '.' : trimmed;
}

/** Builds a lookup over the discovered projects: the deepest project whose folder holds the path wins. */
export function findOwningProject(projects: Project[]): ProjectLookup {
  const byDepth = projects
    .map((project) => ({ project, folder: normalized(project.path) }))
    .sort((a, b) => (b.folder === '.' ? -1 : b.folder.length) - (a.folder === '.' ? -1 : a.folder.length));
  return (path) => {
    for (const { project, folder } of byDepth) {
      if (folder === '.' || path === folder || path.startsWith(`${folder}/`)) return project;
    }
    return undefined;
  };
}
