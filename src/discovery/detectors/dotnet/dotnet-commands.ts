import path from 'node:path';
import type { CommandSet } from '../../detector.js';
import { dirnameRelative, joinRelative, type RepositoryIndex } from '../../repository-index.js';
import type { MsbuildProject } from './read-msbuild-project.js';

const PROJECT_FILE = /\.csproj$/;
const SOLUTION_FILE = /\.slnx?$/;

/** Commands of a standalone project or a whole solution: restore, test and format what the folder holds. */
export function solutionCommands(
  index: RepositoryIndex,
  dir: string,
  projects: readonly MsbuildProject[],
): { own: CommandSet; defaults: CommandSet } {
  const { target, suffix } = commandTarget(index, dir, projects);
  const suggest = (run: string) => ({ run, source: target, suggested: true });
  const lockFile = lockFileOf(index, projects);
  return {
    own: lockFile ? { install: { run: `dotnet restore${suffix} --locked-mode`, source: lockFile } } : {},
    defaults: {
      install: suggest(`dotnet restore${suffix}`),
      test: suggest(`dotnet test${suffix}`),
      lint: suggest(`dotnet format${suffix} --verify-no-changes`),
    },
  };
}

/**
 * A solution member's commands: restore the solution at the workspace root; test a test
 * project (a web or library project has no tests of its own to run) and format the project,
 * in its folder.
 */
export function memberCommands(
  index: RepositoryIndex,
  dir: string,
  workspace: string,
  projects: readonly MsbuildProject[],
): { own: CommandSet; defaults: CommandSet } {
  const solution = index.filesIn(workspace).find((name) => SOLUTION_FILE.test(name));
  const source = solution ? joinRelative(workspace, solution) : (projects[0]?.file ?? dir);
  const restore = solution ? `dotnet restore ${solution}` : 'dotnet restore';
  // A member is its project: name the .csproj when a solution or another project shares the folder.
  const project = projects.find((candidate) => dirnameRelative(candidate.file) === dir) ?? projects[0];
  const target = project?.file ?? dir;
  const crowded = index.filesIn(dir).filter((name) => SOLUTION_FILE.test(name) || PROJECT_FILE.test(name));
  const suffix = crowded.length > 1 ? ` ${path.posix.basename(target)}` : '';
  const suggest = (run: string, from = target) => ({ run, source: from, suggested: true });
  const lockFile = lockFileOf(index, projects);
  return {
    own: lockFile ? { install: { run: `${restore} --locked-mode`, source: lockFile } } : {},
    defaults: {
      install: suggest(restore, source),
      ...(projects.some((project) => project.isTestProject) ? { test: suggest(`dotnet test${suffix}`) } : {}),
      lint: suggest(`dotnet format${suffix} --verify-no-changes`),
    },
  };
}

function lockFileOf(index: RepositoryIndex, projects: readonly MsbuildProject[]): string | undefined {
  return projects
    .map((project) => joinRelative(dirnameRelative(project.file), 'packages.lock.json'))
    .find((file) => index.has(file));
}

/** The solution (or first project) commands run against, and the argument naming it when one is needed. */
function commandTarget(
  index: RepositoryIndex,
  dir: string,
  projects: readonly MsbuildProject[],
): { target: string; suffix: string } {
  const solution = index.filesIn(dir).find((name) => SOLUTION_FILE.test(name));
  const target = solution ? joinRelative(dir, solution) : (projects[0]?.file ?? dir);
  // With several project or solution files in one folder, dotnet needs to be told which one (MSB1011).
  const needsTarget =
    index.filesIn(dir).filter((name) => SOLUTION_FILE.test(name) || PROJECT_FILE.test(name)).length > 1;
  return { target, suffix: needsTarget ? ` ${path.posix.basename(target)}` : '' };
}
