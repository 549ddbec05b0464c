import type { Project } from '../discovery/project.js';
import type { ChangedFile } from '../code/diff/changed-file.js';
import type { ChangeAnalysis, Endpoint } from './change-analysis.js';
import { extractDependencyChanges } from './dependencies/extract-dependency-changes.js';
import { extractEndpoints } from './endpoints/extract-endpoints.js';
import { extractEnvVars } from './env-vars/extract-env-vars.js';
import { createFileChange, type FileChange } from '../code/file-change.js';
import { createProjectLookup, type ProjectLookup } from '../discovery/find-project-for-path.js';
import { findSecurityTouches } from './find-security-touches.js';
import { groupChangedFiles } from './group-changed-files.js';
import { createCheckoutFiles } from './mounts/project-sources.js';
import { createMountPrefixes } from './mounts/create-mount-prefixes.js';
import { extractMigration } from './migrations/extract-migrations.js';
import { summarizeTests } from './summarize-tests.js';

export interface AnalyzeChangesInput {
  files: ChangedFile[];
  projects: Project[];
  /** Reads a file of the head checkout (repository-relative path); absent when only the diff is known. */
  readFile?: (path: string) => string | undefined;
  /**
   * Lists the head checkout's files (repository-relative paths). With `readFile`, route
   * prefixes mounted in other files of the same project are resolved.
   */
  listFiles?: () => string[];
}

/** Endpoints of every readable change, with prefixes from other files when the checkout can be listed. */
function extractAllEndpoints(
  readable: FileChange[],
  input: AnalyzeChangesInput,
  ownerOf: ProjectLookup,
): Endpoint[] {
  const frameworksOf = (path: string): string[] =>
    ownerOf(path)?.frameworks.map((framework) => framework.name) ?? [];
  const mountsOf =
    input.listFiles && input.readFile
      ? createMountPrefixes({ ownerOf, files: createCheckoutFiles(input.listFiles, input.readFile, ownerOf) })
      : undefined;
  return readable.flatMap((change) =>
    extractEndpoints(change, frameworksOf(change.file.path), mountsOf?.(change.file.path)),
  );
}

/**
 * Works out what a pull request does from its changed files: which projects it touches,
 * the endpoints, migrations, environment variables and dependencies it adds, changes or
 * removes, its tests, and the security-relevant code it edits. Pure: the only outside
 * access is `readFile`, used to see past the diff's hunks, and `listFiles`, used to find
 * route prefixes that other files of a project mount.
 */
export function analyzeChanges(input: AnalyzeChangesInput): ChangeAnalysis {
  const ownerOf = createProjectLookup(input.projects);
  const affected = new Set<string>();
  const changes: FileChange[] = [];
  for (const file of input.files) {
    if (file.status === 'unchanged') continue;
    for (const path of [file.path, file.previousPath]) {
      const owner = path === undefined ? undefined : ownerOf(path);
      if (owner) affected.add(owner.path);
    }
    changes.push(createFileChange(file, ownerOf(file.path)?.path ?? '.', input.readFile));
  }
  // A modified file without a patch shows nothing to compare; a new one can still be read whole.
  const readable = changes.filter(
    (change) => change.file.patch !== undefined || change.file.status === 'added',
  );
  const languageOfProject = (project: string): string | undefined =>
    input.projects.find((candidate) => candidate.path === project)?.language;
  return {
    ...groupChangedFiles(input.files),
    affectedProjects: [...affected].sort(),
    endpoints: extractAllEndpoints(readable, input, ownerOf),
    migrations: changes.flatMap(
      (change) => extractMigration(change, languageOfProject(change.project)) ?? [],
    ),
    envVars: extractEnvVars(readable, languageOfProject, input.readFile),
    dependencyChanges: extractDependencyChanges(readable),
    ...summarizeTests(changes),
    securityTouched: findSecurityTouches(readable),
  };
}
