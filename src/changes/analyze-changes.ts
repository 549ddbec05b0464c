import type { Project } from '../discovery/project.js';
import type { ChangedFile } from '../code/diff/changed-file.js';
import type { ChangeAnalysis, Endpoint, ProjectRoute } from './change-analysis.js';
import { extractDependencyChanges } from './dependencies/extract-dependency-changes.js';
import { extractEnvVars } from './env-vars/extract-env-vars.js';
import { createFileChange, type FileChange } from '../code/file-change.js';
import { createProjectLookup, type ProjectLookup } from '../discovery/find-project-for-path.js';
import { findSecurityTouches } from './find-security-touches.js';
import { groupChangedFiles } from './group-changed-files.js';
import { extractMigrations } from './migrations/extract-migrations.js';
import { summarizeTests } from './summarize-tests.js';
import { createCodeModel, type CodeModel } from '../code/code-model.js';
import type { FactCache } from '../code/fact-cache.js';
import { readEndpointChanges } from './routes/read-endpoint-changes.js';
import { ROUTE_FAMILIES } from './routes/route-families.js';

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
  /** Reads a file of the base commit, when it is at hand (a local run): used where the diff cannot rebuild the base. */
  readBaseFile?: (path: string) => string | undefined;
  /** Facts already read in this run, shared with the reviews that follow (each file side is parsed once). */
  facts?: FactCache;
}

function endpointsOf(
  model: CodeModel,
  input: AnalyzeChangesInput,
  ownerOf: ProjectLookup,
): { endpoints: Endpoint[]; notes: string[]; routesBefore: ProjectRoute[] } {
  const frameworksAt = (project: string): string[] =>
    input.projects
      .filter((candidate) => candidate.path === project)
      .flatMap((candidate) => candidate.frameworks.map((framework) => framework.name));
  const { endpoints, notes, routesBefore } = readEndpointChanges({
    changes: model.changes,
    head: model.head,
    base: model.base,
    projectOf: (path) => ownerOf(path)?.path ?? '.',
    frameworksOf: frameworksAt,
    cache: model.facts,
  });
  const order = new Map(input.files.map((file, index) => [file.path, index]));
  const rank = (endpoint: Endpoint): number => order.get(endpoint.file) ?? order.size;
  return {
    endpoints: endpoints.sort(
      (a, b) => rank(a) - rank(b) || a.line - b.line || a.change.localeCompare(b.change),
    ),
    notes,
    routesBefore,
  };
}

/**
 * Works out what a pull request does from its changed files: which projects it touches,
 * the endpoints, migrations, environment variables and dependencies it adds, changes or
 * removes, its tests, and the security-relevant code it edits. The only outside access is
 * reading files of the head checkout (and of the base commit when given).
 */
export async function analyzeChanges(input: AnalyzeChangesInput): Promise<ChangeAnalysis> {
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
  const model = await createCodeModel({
    changes,
    ...(input.readFile ? { readFile: input.readFile } : {}),
    ...(input.listFiles ? { listFiles: input.listFiles } : {}),
    ...(input.readBaseFile ? { readBaseFile: input.readBaseFile } : {}),
    ...(input.facts ? { facts: input.facts } : {}),
    // A configuration file that prefixes routes (Spring's context path) calls for its family's grammars too.
    grammarsFor: (path) =>
      ROUTE_FAMILIES.filter(
        (family) => family.accepts(path) || family.readsConfiguration?.(path) === true,
      ).flatMap((family) => family.grammars),
  });
  try {
    const { endpoints, notes, routesBefore } = endpointsOf(model, input, ownerOf);
    return {
      ...groupChangedFiles(input.files),
      affectedProjects: [...affected].sort(),
      endpoints,
      migrations: await extractMigrations({
        changes,
        head: model.head,
        base: model.base,
        cache: model.facts,
        languageOf: languageOfProject,
        databasesOf: (project) =>
          input.projects.find((candidate) => candidate.path === project)?.databases ?? [],
      }),
      envVars: extractEnvVars({
        changes: readable,
        head: model.head,
        base: model.base,
        cache: model.facts,
        languageOf: languageOfProject,
        ...(input.readFile ? { readFile: input.readFile } : {}),
      }),
      dependencyChanges: extractDependencyChanges(readable),
      ...summarizeTests(changes),
      securityTouched: findSecurityTouches(readable),
      ...(notes.length > 0 ? { readingNotes: notes } : {}),
      ...(routesBefore.length > 0 ? { routesBefore } : {}),
    };
  } finally {
    model.dispose();
  }
}
