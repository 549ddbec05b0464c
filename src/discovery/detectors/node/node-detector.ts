import { assembleFindings } from '../../assemble-findings.js';
import { createCommandClassifier } from '../../command-classifier.js';
import type { DetectionContext, EcosystemDetector, EcosystemFindings } from '../../detector.js';
import { matchWorkspaceMembers } from '../../match-workspace-members.js';
import { dirnameRelative, joinRelative, type RepositoryIndex } from '../../repository-index.js';
import { pathOf, stringMapOf, stringOf, stringsOf } from '../../untyped-value.js';
import { chooseNodePackageManager } from './choose-node-package-manager.js';
import { nodeCatalog } from './node-catalog.js';
import { nodeDefaultCommands, nodeOwnCommands, type NodeCommandInput } from './node-commands.js';
import {
  configuredLinters,
  declaredDependencies,
  isYarnBerry,
  nodeVersion,
  readPackage,
  taskRunnerOf,
  type NodePackage,
} from './read-node-package.js';
import { LOCKFILE_NAMES, readNodeLockfile, type NodeLockfile } from './read-node-lockfile.js';

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
]);

/** Node.js projects: package.json, its lockfiles, workspaces (npm, pnpm, Yarn, Bun) and Nx/Turborepo. */
export const nodeDetector: EcosystemDetector = {
  ecosystem: 'node',
  keepsFile: (name) =>
    KEPT_FILES.has(name) || name.startsWith('.eslintrc') || name.startsWith('eslint.config.'),
  projectDirOf: (file) =>
    file === 'package.json' || file.endsWith('/package.json') ? dirnameRelative(file) : undefined,
  workspaceMembers: async (dir, context) => {
    const manifest = await context.index.readParsed(joinRelative(dir, 'package.json'), 'json');
    const declared = pathOf(manifest, 'workspaces');
    const patterns = [...stringsOf(Array.isArray(declared) ? declared : pathOf(declared, 'packages'))];
    const pnpmWorkspace = joinRelative(dir, 'pnpm-workspace.yaml');
    if (context.index.has(pnpmWorkspace)) {
      patterns.push(...stringsOf(pathOf(await context.index.readParsed(pnpmWorkspace, 'yaml'), 'packages')));
    }
    return matchWorkspaceMembers(dir, patterns, context.candidates);
  },
  detect: detectNodeProject,
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
  const root = await readPackage(index, dir);
  if (!root) return undefined;
  const memberPackages = await Promise.all(members.map((member) => readPackage(index, member)));
  const packages = [root, ...memberPackages.flatMap((found) => (found ? [found] : []))];
  const choice = chooseNodePackageManager(index, dir, stringOf(root.manifest.packageManager));
  const lockfile = await readNodeLockfile(index, dir, choice.manager);
  const internal = new Set(packages.flatMap((found) => stringOf(found.manifest.name) ?? []));
  const dependencies = packages.flatMap((found) => declaredDependencies(found, dir, lockfile, internal));
  const dirs = packages.map((found) => found.dir);
  const isTypeScript =
    dependencies.some((dependency) => dependency.name === 'typescript') ||
    dirs.some((each) => index.has(joinRelative(each, 'tsconfig.json')));
  const findings = assembleFindings({
    ecosystem: 'node',
    language: isTypeScript ? 'typescript' : 'javascript',
    languageVersion: await nodeVersion(index, root),
    packageManager: choice.manager,
    dependencies,
    catalog: nodeCatalog,
    ownCommands: {},
    defaultCommands: {},
    extra: { linters: configuredLinters(index, dirs) },
  });
  const input = commandInput(index, root, {
    manager: choice.manager,
    lockfile,
    findings,
    isWorkspaceRoot: members.length > 0,
  });
  findings.ownCommands = nodeOwnCommands(input);
  findings.defaultCommands = nodeDefaultCommands(input);
  // A package.json beside another build is usually tooling, unless it names a framework.
  findings.weight = findings.frameworks.length > 0 ? 2 : 1;
  return findings;
}

function commandInput(
  index: RepositoryIndex,
  root: NodePackage,
  facts: {
    manager: NodeCommandInput['manager'];
    lockfile: NodeLockfile | undefined;
    findings: EcosystemFindings;
    isWorkspaceRoot: boolean;
  },
): NodeCommandInput {
  const packageManager = stringOf(root.manifest.packageManager);
  return {
    manager: facts.manager,
    manifest: root.manifestPath,
    scripts: stringMapOf(root.manifest.scripts),
    lockfile: facts.lockfile,
    yarnBerry: isYarnBerry(index, root.dir, facts.lockfile, packageManager),
    testFrameworks: facts.findings.testFrameworks,
    linters: facts.findings.linters,
    isWorkspaceRoot: facts.isWorkspaceRoot,
    taskRunner: taskRunnerOf(index, root.dir),
  };
}
