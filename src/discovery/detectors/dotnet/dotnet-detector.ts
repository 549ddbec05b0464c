import path from 'node:path';
import { assembleFindings } from '../../assemble-findings.js';
import { createCommandClassifier } from '../../command-classifier.js';
import type { DeclaredDependency } from '../../dependency-catalog.js';
import type { DetectionContext, EcosystemDetector, EcosystemFindings } from '../../detector.js';
import { memberCommands, solutionCommands } from './dotnet-commands.js';
import type { Framework, SourcedValue } from '../../project.js';
import { dirnameRelative, joinRelative, type RepositoryIndex } from '../../repository-index.js';
import { pathOf, recordOf, stringOf } from '../../untyped-value.js';
import { dotnetCatalog } from './dotnet-catalog.js';
import { readPinnedVersion } from '../../read-version-file.js';
import {
  readBuildPropsFramework,
  readCentralVersions,
  readMsbuildProject,
  readSolutionProjects,
  type MsbuildProject,
} from './read-msbuild-project.js';

const PROJECT_FILE = /\.csproj$/;
const SOLUTION_FILE = /\.slnx?$/;

/** C# projects and solutions: .csproj, .sln/.slnx, Directory.Packages.props, packages.lock.json, global.json. */
export const dotnetDetector: EcosystemDetector = {
  ecosystem: 'dotnet',
  keepsFile: (name) =>
    PROJECT_FILE.test(name) ||
    SOLUTION_FILE.test(name) ||
    ['Directory.Packages.props', 'Directory.Build.props', 'global.json', 'packages.lock.json'].includes(name),
  projectDirOf: (file) =>
    PROJECT_FILE.test(file) || SOLUTION_FILE.test(file) ? dirnameRelative(file) : undefined,
  workspaceMembers: async (dir, context) => {
    const solutions = context.index.filesIn(dir).filter((name) => SOLUTION_FILE.test(name));
    const listed = (
      await Promise.all(solutions.map((name) => readSolutionProjects(context.index, joinRelative(dir, name))))
    ).flat();
    const dirs = listed.map((project) =>
      path.posix.normalize(path.posix.join(dir, path.posix.dirname(project))),
    );
    return context.candidates.filter((candidate) => dirs.includes(candidate));
  },
  detect: detectDotnetProject,
  isSingleBuild: () => Promise.resolve(false),
  classifyCommand: createCommandClassifier({
    install: ['dotnet restore'],
    test: ['dotnet test'],
    lint: ['dotnet format'],
  }),
};

async function detectDotnetProject(
  dir: string,
  members: readonly string[],
  context: DetectionContext,
): Promise<EcosystemFindings | undefined> {
  const { index } = context;
  const projects = await withBuildPropsFramework(index, await readProjects(index, [dir, ...members]));
  if (projects.length === 0) return undefined;
  const dependencies = (
    await Promise.all(projects.map((project) => declaredPackages(index, project)))
  ).flat();
  const findings = assembleFindings({
    ecosystem: 'dotnet',
    language: 'csharp',
    languageVersion: await dotnetVersion(index, dir, projects),
    packageManager: 'dotnet',
    dependencies,
    catalog: dotnetCatalog,
    ownCommands: {},
    defaultCommands: {},
    extra: { frameworks: projects.flatMap(webFramework) },
    ownTests: projects.some((project) => project.isTestProject),
    entryPoint: projects.some((project) => project.isExecutable),
    ownCode: index.filesIn(dir).some((name) => PROJECT_FILE.test(name)),
    internalDependencies: projects.flatMap((project) => project.references),
  });
  // A class library may reference ASP.NET Core; only the Web SDK makes an application of it.
  findings.appFramework = projects.some((project) => project.sdk === 'Microsoft.NET.Sdk.Web');
  const commands =
    context.workspace === undefined
      ? solutionCommands(index, dir, projects)
      : memberCommands(index, dir, context.workspace, projects);
  findings.ownCommands = commands.own;
  findings.defaultCommands = commands.defaults;
  return findings;
}

/** Projects that set no target framework take the one Directory.Build.props sets above them. */
async function withBuildPropsFramework(
  index: RepositoryIndex,
  projects: readonly MsbuildProject[],
): Promise<MsbuildProject[]> {
  return Promise.all(
    projects.map(async (project) => {
      if (project.targetFramework) return project;
      const props = index.findUp(dirnameRelative(project.file), ['Directory.Build.props']);
      const targetFramework = props ? await readBuildPropsFramework(index, props) : undefined;
      return { ...project, targetFramework };
    }),
  );
}

/** Every readable .csproj in the given folders. */
async function readProjects(index: RepositoryIndex, dirs: readonly string[]): Promise<MsbuildProject[]> {
  const files = dirs.flatMap((each) =>
    index
      .filesIn(each)
      .filter((name) => PROJECT_FILE.test(name))
      .map((name) => joinRelative(each, name)),
  );
  return (await Promise.all(files.map((file) => readMsbuildProject(index, file)))).flatMap((project) =>
    project ? [project] : [],
  );
}

async function declaredPackages(
  index: RepositoryIndex,
  project: MsbuildProject,
): Promise<DeclaredDependency[]> {
  const projectDir = dirnameRelative(project.file);
  const central = index.findUp(projectDir, ['Directory.Packages.props']);
  const centralVersions = central ? await readCentralVersions(index, central) : new Map<string, string>();
  const lockFile = joinRelative(projectDir, 'packages.lock.json');
  const locked = index.has(lockFile)
    ? lockedVersions(await index.readParsed(lockFile, 'json'))
    : new Map<string, string>();
  return project.packages.map((reference) => {
    const centralVersion = centralVersions.get(reference.name.toLowerCase());
    const constraint = reference.version ?? centralVersion ?? null;
    const lockedVersion = locked.get(reference.name.toLowerCase());
    const exact = constraint !== null && /^[\d.]+(-[\w.]+)?$/.test(constraint) ? constraint : null;
    const source = lockedVersion
      ? lockFile
      : reference.version === undefined && central && centralVersion
        ? central
        : project.file;
    return {
      name: reference.name,
      constraint,
      version: lockedVersion ?? exact,
      source,
      dev: project.isTestProject,
    };
  });
}

/** ASP.NET Core from the Web SDK or a framework reference: its version is the target framework's. */
function webFramework(project: MsbuildProject): Framework[] {
  const web =
    project.sdk === 'Microsoft.NET.Sdk.Web' ||
    project.frameworkReferences.includes('Microsoft.AspNetCore.App');
  if (!web || project.isTestProject) return [];
  const version = frameworkVersion(project.targetFramework) ?? null;
  return [{ name: 'aspnetcore', version, constraint: null, source: project.file }];
}

async function dotnetVersion(
  index: RepositoryIndex,
  dir: string,
  projects: readonly MsbuildProject[],
): Promise<SourcedValue | null> {
  const pinned = await readPinnedVersion(index, dir, 'dotnet');
  if (pinned) return pinned;
  const project = projects.find((candidate) => frameworkVersion(candidate.targetFramework));
  return project
    ? { value: frameworkVersion(project.targetFramework) as string, source: project.file }
    : null;
}

/** `net8.0` → `8.0`; `netcoreapp3.1` → `3.1`; `netstandard2.0` and `net48` name no modern runtime. */
function frameworkVersion(targetFramework: string | undefined): string | undefined {
  return /^net(?:coreapp)?(\d+\.\d+)/.exec(targetFramework ?? '')?.[1];
}

function lockedVersions(lock: unknown): Map<string, string> {
  const versions = new Map<string, string>();
  for (const target of Object.values(recordOf(pathOf(lock, 'dependencies')) ?? {})) {
    for (const [name, entry] of Object.entries(recordOf(target) ?? {})) {
      const resolved = stringOf(pathOf(entry, 'resolved'));
      if (resolved && !versions.has(name.toLowerCase())) versions.set(name.toLowerCase(), resolved);
    }
  }
  return versions;
}
