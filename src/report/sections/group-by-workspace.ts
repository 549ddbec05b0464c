import type { Project } from '../../discovery/project.js';

export interface WorkspaceGroup {
  /** The workspace root the members install from, or null for standalone projects and roots. */
  workspace: string | null;
  members: Project[];
}

/** Standalone projects (and workspace roots) first, then one group per workspace, by root path. */
export function groupByWorkspace(projects: readonly Project[]): WorkspaceGroup[] {
  const byWorkspace = new Map<string | null, Project[]>();
  for (const project of projects) {
    const key = project.workspace ?? null;
    byWorkspace.set(key, [...(byWorkspace.get(key) ?? []), project]);
  }
  return [...byWorkspace]
    .map(([workspace, members]) => ({ workspace, members }))
    .sort((a, b) =>
      a.workspace === null ? -1 : b.workspace === null ? 1 : a.workspace < b.workspace ? -1 : 1,
    );
}
