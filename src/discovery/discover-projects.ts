import path from 'node:path';
import { compareText, uniqueDependencies, uniqueFrameworks, uniqueSorted } from './assemble-findings.js';
import { chooseProjectCommands, workflowsUse } from './choose-project-commands.js';
import { attachContainerFiles } from './containers/attach-container-files.js';
import { detectEcosystemProjects, type DirectoryFinding } from './detect-ecosystem-projects.js';
import { DETECTORS, isDiscoveryFile } from './detector-registry.js';
import { mergeDirectoryFindings, type MergedDirectory } from './merge-directory-findings.js';
import { createProjectLookup } from './find-project-for-path.js';
import { createNoiseFilter } from './walk/noise-directories.js';
import type { CommandKind, DiscoveryResult, DiscoveryWarning, Project } from './project.js';
import { readTaskRunnerCommands } from './read-task-runner-commands.js';
import { readWorkflowCommands, type WorkflowCommand } from './read-workflow-commands.js';
import { RepositoryIndex } from './repository-index.js';
import { attachSettingsDatabases } from './settings/attach-settings-databases.js';
import { walkRepository } from './walk/walk-repository.js';

/** A project entry of the config file's `projects:`: adds a project or replaces its commands. */
export interface ProjectOverride {
  path: string;
  install?: string;
  test?: string;
  lint?: string;
}

export interface DiscoverOptions {
  /** Minimatch globs, relative to the root, left out of discovery (the config's `ignore`). */
  ignore?: string[];
  overrides?: ProjectOverride[];
}

/**
 * Finds the projects of a repository: every directory holding a manifest, workspaces
 * folded into their root, with language, versions, package manager, frameworks,
 * data stores, tools and install/test/lint commands. Never throws: unreadable or
 * malformed files become `warnings` and discovery goes on with the rest.
 */
export async function discoverProjects(
  root: string,
  options: DiscoverOptions = {},
): Promise<DiscoveryResult> {
  const absoluteRoot = path.resolve(root);
  try {
    return await discover(absoluteRoot, options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      root: absoluteRoot,
      projects: [],
      warnings: [{ file: '.', message: `discovery failed: ${message}` }],
    };
  }
}

async function discover(root: string, options: DiscoverOptions): Promise<DiscoveryResult> {
  const listed = (options.overrides ?? []).map((override) => normalisePath(override.path));
  const walk = await walkRepository(root, {
    ignore: options.ignore ?? [],
    keepFile: isDiscoveryFile,
    skipDirectory: createNoiseFilter(listed),
  });
  const index = new RepositoryIndex(walk.root, walk.filesByDir, walk.markerDirs);
  index.warnings.push(...walk.warnings);
  const [workflows, found] = await Promise.all([readWorkflowCommands(index), detectAll(index)]);
  const byDir = new Map<string, DirectoryFinding[]>();
  for (const entry of found) byDir.set(entry.dir, [...(byDir.get(entry.dir) ?? []), entry]);
  const merged = [...byDir].flatMap(([dir, entries]) =>
    mergeDirectoryFindings(dir, entries, workflowEvidence(dir, workflows), index),
  );
  const projects = merged.map(({ project }) => project);
  const ownersOf = createOwnerLookup(merged);
  await Promise.all([
    attachContainerFiles(projects, index, ownersOf),
    attachSettingsDatabases(projects, index, ownersOf),
    ...merged.map(async ({ project, primary, detector }) => {
      const taskRunner = await readTaskRunnerCommands(index, project.path);
      project.commands = chooseProjectCommands(project.path, {
        own: primary.ownCommands,
        taskRunner,
        workflows,
        detector,
        defaults: primary.defaultCommands,
      });
    }),
  ]);
  applyOverrides(projects, options.overrides ?? []);
  return {
    root,
    projects: projects.map(normaliseProject).sort(compareProjects),
    warnings: normaliseWarnings(index.warnings),
  };
}

/** Runs every detector on its candidate directories; see detectEcosystemProjects for workspaces. */
async function detectAll(index: RepositoryIndex): Promise<DirectoryFinding[]> {
  const files = [...index.allFiles()];
  const perDetector = await Promise.all(
    DETECTORS.map((detector) => {
      const candidates = uniqueSorted(files.flatMap((file) => detector.projectDirOf(file) ?? []));
      return detectEcosystemProjects(detector, index, candidates);
    }),
  );
  return perDetector.flat();
}

/**
 * The projects a file's facts belong to: the deepest project holding it, and the projects that
 * depend on the workspace library (not a project itself) the file sits in.
 */
function createOwnerLookup(merged: readonly MergedDirectory[]): (file: string) => Project[] {
  const projects = merged.map(({ project }) => project);
  const deepest = createProjectLookup(projects);
  return (file) => {
    const inLibrary = merged.filter(({ libraries }) =>
      libraries.some((dir) => dir === '.' || file.startsWith(`${dir}/`)),
    );
    return [...new Set([...[deepest(file) ?? []].flat(), ...inLibrary.map(({ project }) => project)])];
  };
}

/** Workflows that run an ecosystem's commands in a directory are evidence of which build it uses. */
function workflowEvidence(
  dir: string,
  workflows: readonly WorkflowCommand[],
): (entry: DirectoryFinding) => number {
  return (entry) => (workflowsUse(entry.detector, dir, workflows) ? 0.25 : 0);
}

function normalisePath(written: string): string {
  return path.posix.normalize(written.replace(/\\/g, '/')).replace(/^\.\/|\/+$/g, '') || '.';
}

/** The config file's `projects:` entries: their commands replace discovered ones; an unknown path adds a project. */
function applyOverrides(projects: Project[], overrides: readonly ProjectOverride[]): void {
  for (const override of overrides) {
    const dir = normalisePath(override.path);
    let project = projects.find((candidate) => candidate.path === dir);
    if (!project) {
      project = {
        path: dir,
        language: 'unknown',
        languageVersion: null,
        packageManager: null,
        frameworks: [],
        databases: [],
        orms: [],
        testFrameworks: [],
        linters: [],
        commands: {},
        workspace: null,
        dockerfiles: [],
        dependencies: [],
      };
      projects.push(project);
    }
    for (const kind of ['install', 'test', 'lint'] as const satisfies readonly CommandKind[]) {
      const run = override[kind];
      if (run !== undefined) project.commands[kind] = { run, source: 'config' };
    }
  }
}

/** Sorted, repeat-free lists so the JSON is stable from run to run. */
function normaliseProject(project: Project): Project {
  return {
    ...project,
    frameworks: uniqueFrameworks(project.frameworks),
    databases: uniqueSorted(project.databases),
    orms: uniqueSorted(project.orms),
    testFrameworks: uniqueSorted(project.testFrameworks),
    linters: uniqueSorted(project.linters),
    dockerfiles: uniqueSorted(project.dockerfiles),
    dependencies: uniqueDependencies(project.dependencies),
  };
}

/** By path, then language: two ecosystems at one path are two projects. */
function compareProjects(a: Project, b: Project): number {
  return compareText(a.path, b.path) || compareText(a.language, b.language);
}

function normaliseWarnings(warnings: readonly DiscoveryWarning[]): DiscoveryWarning[] {
  const seen = new Set<string>();
  return [...warnings]
    .sort((a, b) => compareText(a.file, b.file) || compareText(a.message, b.message))
    .filter((warning) => {
      const key = `${warning.file}\n${warning.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
