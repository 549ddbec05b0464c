import { assembleFindings, uniqueSorted } from '../../assemble-findings.js';
import { createCommandClassifier } from '../../command-classifier.js';
import type { DetectionContext, EcosystemDetector, EcosystemFindings } from '../../detector.js';
import { matchWorkspaceMembers } from '../../match-workspace-members.js';
import { dirnameRelative, joinRelative, type RepositoryIndex } from '../../repository-index.js';
import { pathOf, stringMapOf, stringOf, stringsOf } from '../../untyped-value.js';
import { nodeCatalog } from './node-catalog.js';
import {
  isRealScript,
  nodeDefaultCommands,
  nodeOwnCommands,
  type NodeCommandInput,
} from './node-commands.js';
import {
  configuredLinters,
  declaredDependencies,
  nodeVersion,
  readPackage,
  type NodePackage,
} from './read-node-package.js';
import { LOCKFILE_NAMES } from './read-node-lockfile.js';
import { nodeMemberCommands } from './node-member-commands.js';
import { nxProjectName, nxTargets, readNodeWorkspace, type NodeWorkspace } from './read-node-workspace.js';
import {
  configuredRunner,
  hasOwnTests,
  internalDependencyDirs,
  internalNames,
  isTypeScript,
  rootLinters,
} from './node-project-signals.js';

const KEPT_FILES = new Set([
  'package.json',
  ...Object.values(LOCKFILE_NAMES).flat(),
  'pnpm-workspace.yaml',
  '.yarnrc.yml',
  'tsconfig.json',
  'nx.json',
  'turbo.json',
  'biome.json',
  'biome.jsonc',
  'project.json',
]);

/** A tool's configuration written in TypeScript (`playwright.config.ts`, `vite.config.mts`): the package is TypeScript. */
const TYPESCRIPT_CONFIG = /\.config\.[cm]?ts$/;

/** Node.js projects: package.json, its lockfiles, workspaces (npm, pnpm, Yarn, Bun) and Nx/Turborepo. */
export const nodeDetector: EcosystemDetector = {
  ecosystem: 'node',
  keepsFile: (name) =>
    KEPT_FILES.has(name) ||
    name.startsWith('.eslintrc') ||
    name.startsWith('eslint.config.') ||
    name.startsWith('jest.config.') ||
    name.startsWith('vitest.config.') ||
    TYPESCRIPT_CONFIG.test(name),
  // An Nx project may have only a project.json: its dependencies are the workspace root's.
  projectDirOf: (file) => (/(^|\/)(package|project)\.json$/.test(file) ? dirnameRelative(file) : undefined),
  workspaceMembers: async (dir, context) => {
    if (!context.index.has(joinRelative(dir, 'package.json'))) return [];
    const manifest = await context.index.readParsed(joinRelative(dir, 'package.json'), 'json');
    const declared = pathOf(manifest, 'workspaces');
    const patterns = [...stringsOf(Array.isArray(declared) ? declared : pathOf(declared, 'packages'))];
    const pnpmWorkspace = joinRelative(dir, 'pnpm-workspace.yaml');
    if (context.index.has(pnpmWorkspace)) {
      patterns.push(...stringsOf(pathOf(await context.index.readParsed(pnpmWorkspace, 'yaml'), 'packages')));
    }
    const members = matchWorkspaceMembers(dir, patterns, context.candidates);
    if (!context.index.has(joinRelative(dir, 'nx.json'))) return members;
    // Every folder below an Nx workspace with a project.json is one of its projects.
    const nxProjects = context.candidates.filter(
      (candidate) =>
        candidate !== dir &&
        (dir === '.' || candidate.startsWith(`${dir}/`)) &&
        context.index.has(joinRelative(candidate, 'project.json')),
    );
    return uniqueSorted([...members, ...nxProjects]);
  },
  detect: detectNodeProject,
  isSingleBuild: () => Promise.resolve(false),
  classifyCommand: createCommandClassifier({
    install: [
      'npm ci',
      'npm install',
      'npm i',
      'pnpm install',
      'pnpm i',
      'yarn install',
      'yarn $',
      'bun install',
    ],
    test: [
      'npm test',
      'npm t',
      'npm run test*',
      'pnpm test*',
      'pnpm run test*',
      'yarn test*',
      'yarn run test*',
      'bun run test*',
      'bun test',
      'npx jest',
      'npx playwright test',
      'pnpm exec playwright test',
      'yarn playwright test',
      'bunx playwright test',
      'npx vitest',
      'npx mocha',
      'pnpm exec vitest',
      'pnpm exec jest',
      'npx turbo run test*',
      'npx turbo test*',
      'npx nx run-many',
    ],
    lint: [
      'npm run lint*',
      'pnpm lint*',
      'pnpm run lint*',
      'yarn lint*',
      'yarn run lint*',
      'bun run lint*',
      'npx eslint',
      'npx biome',
      'pnpm exec eslint',
      'yarn eslint',
      'npx turbo run lint*',
      'npx turbo lint*',
    ],
  }),
};

async function detectNodeProject(
  dir: string,
  members: readonly string[],
  context: DetectionContext,
): Promise<EcosystemFindings | undefined> {
  const { index } = context;
  // A project.json alone is an Nx project only inside an Nx workspace.
  if (context.workspace === undefined && !index.has(joinRelative(dir, 'package.json'))) return undefined;
  const workspace = await readNodeWorkspace(index, context.workspace ?? dir);
  const own = context.workspace === undefined ? workspace?.root : await readPackage(index, dir);
  if (!workspace || !own) return undefined;
  const memberPackages = await Promise.all(members.map((member) => readPackage(index, member)));
  const packages = [own, ...memberPackages.flatMap((found) => (found ? [found] : []))];
  const internal = await internalNames(index, workspace.root.dir, context.candidates);
  const dependencies = packages.flatMap((found) =>
    declaredDependencies(found, workspace.root.dir, workspace.lockfile, new Set(internal.keys())),
  );
  const dirs = packages.map((found) => found.dir);
  const findings = assembleFindings({
    ecosystem: 'node',
    language: isTypeScript(index, dependencies, dirs, workspace.root) ? 'typescript' : 'javascript',
    languageVersion: (await nodeVersion(index, own)) ?? (await nodeVersion(index, workspace.root)),
    packageManager: workspace.choice.manager,
    dependencies,
    catalog: nodeCatalog,
    ownCommands: {},
    defaultCommands: {},
    extra: {
      linters: [
        ...configuredLinters(index, uniqueSorted([...dirs, workspace.root.dir])),
        ...(context.workspace === undefined ? [] : rootLinters(workspace.root)),
      ],
    },
    ownCode: index.hasSourceFolder(dir),
  });
  findings.internalDependencies = internalDependencyDirs(own, internal);
  const runner = configuredRunner(index, dir);
  const isWorkspaceRoot = (context.workspaceMembers?.length ?? members.length) > 0;
  findings.ownTests = hasOwnTests(own, runner, isWorkspaceRoot);
  const scripts = stringMapOf(own.manifest.scripts);
  findings.entryPoint = isRealScript(scripts.get('start'));
  findings.tooling =
    !findings.ownTests &&
    !findings.appFramework &&
    dependencies.every((dependency) => dependency.dev) &&
    !['start', 'build', 'dev', 'serve'].some((name) => isRealScript(scripts.get(name)));
  if (context.workspace !== undefined) {
    const nx = workspace.taskRunner?.tool === 'nx' ? await nxOf(index, own) : undefined;
    const name = stringOf(own.manifest.name) ?? dir;
    const commands = nodeMemberCommands({
      workspace,
      member: own,
      name,
      nx,
      configuredRunner: runner,
      linters: findings.linters,
    });
    findings.ownTests ||= nx?.targets.has('test') ?? false;
    findings.ownCommands = commands.own;
    findings.defaultCommands = commands.defaults;
  } else {
    const input = commandInput(workspace, findings, isWorkspaceRoot);
    findings.ownCommands = nodeOwnCommands(input);
    findings.defaultCommands = nodeDefaultCommands(input);
  }
  // A package.json beside another build is usually tooling, unless it names a framework.
  findings.weight = findings.frameworks.length > 0 ? 2 : 1;
  return findings;
}

async function nxOf(
  index: RepositoryIndex,
  pkg: NodePackage,
): Promise<{ project: string; targets: Set<string> } | undefined> {
  const project = await nxProjectName(index, pkg);
  return project === undefined ? undefined : { project, targets: await nxTargets(index, pkg.dir) };
}

function commandInput(
  workspace: NodeWorkspace,
  findings: EcosystemFindings,
  isWorkspaceRoot: boolean,
): NodeCommandInput {
  return {
    manager: workspace.choice.manager,
    manifest: workspace.root.manifestPath,
    scripts: stringMapOf(workspace.root.manifest.scripts),
    lockfile: workspace.lockfile,
    yarnBerry: workspace.yarnBerry,
    testFrameworks: findings.testFrameworks,
    linters: findings.linters,
    isWorkspaceRoot,
    taskRunner: workspace.taskRunner,
  };
}
