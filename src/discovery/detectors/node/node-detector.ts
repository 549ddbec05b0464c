import { assembleFindings } from '../../assemble-findings.js';
import { createCommandClassifier } from '../../command-classifier.js';
import type { DeclaredDependency } from '../../dependency-catalog.js';
import type { DetectionContext, EcosystemDetector, EcosystemFindings } from '../../detector.js';
import { matchWorkspaceMembers } from '../../match-workspace-members.js';
import type { SourcedValue } from '../../project.js';
import { readVersionFile } from '../../read-version-file.js';
import { dirnameRelative, joinRelative, type RepositoryIndex } from '../../repository-index.js';
import {
  pathOf,
  recordOf,
  stringMapOf,
  stringOf,
  stringsOf,
  type UnknownRecord,
} from '../../untyped-value.js';
import { chooseNodePackageManager } from './choose-node-package-manager.js';
import { nodeCatalog } from './node-catalog.js';
import { nodeDefaultCommands, nodeOwnCommands } from './node-commands.js';
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

const DEPENDENCY_GROUPS: ReadonlyArray<readonly [string, boolean]> = [
  ['dependencies', false],
  ['optionalDependencies', false],
  ['devDependencies', true],
  ['peerDependencies', true],
];

interface NodePackage {
  dir: string;
  manifestPath: string;
  manifest: UnknownRecord;
}

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
  const packages = [
    root,
    ...(await Promise.all(members.map((member) => readPackage(index, member)))).flatMap((p) =>
      p ? [p] : [],
    ),
  ];
  const choice = chooseNodePackageManager(index, dir, stringOf(root.manifest.packageManager));
  const lockfile = await readNodeLockfile(index, dir, choice.manager);
  const internal = new Set(
    packages.map((p) => stringOf(p.manifest.name)).filter((name) => name !== undefined),
  );
  const dependencies = packages.flatMap((p) => declaredDependencies(p, dir, lockfile, internal));
  const dirs = packages.map((p) => p.dir);
  const isTypeScript =
    dependencies.some((d) => d.name === 'typescript') ||
    dirs.some((d) => index.has(joinRelative(d, 'tsconfig.json')));
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
  const commandInput = {
    manager: choice.manager,
    manifest: root.manifestPath,
    scripts: stringMapOf(root.manifest.scripts),
    lockfile,
    yarnBerry: isYarnBerry(index, dir, lockfile, stringOf(root.manifest.packageManager)),
    testFrameworks: findings.testFrameworks,
    linters: findings.linters,
    isWorkspaceRoot: members.length > 0,
    taskRunner: taskRunnerOf(index, dir),
  };
  findings.ownCommands = nodeOwnCommands(commandInput);
  findings.defaultCommands = nodeDefaultCommands(commandInput);
  findings.weight = findings.frameworks.length > 0 ? 2 : 1;
  return findings;
}

async function readPackage(index: RepositoryIndex, dir: string): Promise<NodePackage | undefined> {
  const manifestPath = joinRelative(dir, 'package.json');
  const parsed = await index.readParsed(manifestPath, 'json');
  const manifest = recordOf(parsed);
  if (!manifest) {
    // A parse failure has been reported already; valid JSON of the wrong shape has not.
    if (parsed !== undefined)
      index.warn(manifestPath, 'package.json is not a JSON object; the package is left out');
    return undefined;
  }
  return { dir, manifestPath, manifest };
}

function declaredDependencies(
  pkg: NodePackage,
  workspaceRoot: string,
  lockfile: NodeLockfile | undefined,
  internal: ReadonlySet<string>,
): DeclaredDependency[] {
  const importer =
    pkg.dir === workspaceRoot
      ? '.'
      : workspaceRoot === '.'
        ? pkg.dir
        : pkg.dir.slice(workspaceRoot.length + 1);
  return DEPENDENCY_GROUPS.flatMap(([group, dev]) =>
    [...stringMapOf(pkg.manifest[group])].flatMap(([name, constraint]) => {
      if (internal.has(name) || /^(workspace|link|file|portal):/.test(constraint)) return [];
      const resolved = lockfile?.versionOf(name, importer, constraint);
      const pinned = /^\d+\.\d+\.\d+(-[\w.]+)?$/.test(constraint) ? constraint : undefined;
      const version = resolved ?? pinned ?? null;
      return [
        { name, constraint, version, source: resolved && lockfile ? lockfile.file : pkg.manifestPath, dev },
      ];
    }),
  );
}

async function nodeVersion(index: RepositoryIndex, root: NodePackage): Promise<SourcedValue | null> {
  const pinned = await readVersionFile(index, root.dir, {
    files: ['.nvmrc', '.node-version'],
    toolVersionsName: 'nodejs',
  });
  if (pinned) return pinned;
  const declared =
    stringOf(pathOf(root.manifest, 'volta', 'node')) ?? stringOf(pathOf(root.manifest, 'engines', 'node'));
  return declared ? { value: declared, source: root.manifestPath } : null;
}

function configuredLinters(index: RepositoryIndex, dirs: readonly string[]): string[] {
  const linters: string[] = [];
  for (const dir of dirs) {
    const names = index.filesIn(dir);
    if (names.some((name) => name.startsWith('.eslintrc') || name.startsWith('eslint.config.')))
      linters.push('eslint');
    if (names.includes('biome.json') || names.includes('biome.jsonc')) linters.push('biome');
  }
  return linters;
}

function isYarnBerry(
  index: RepositoryIndex,
  dir: string,
  lockfile: NodeLockfile | undefined,
  field: string | undefined,
): boolean {
  if (lockfile?.file.endsWith('yarn.lock')) return lockfile.yarnBerry;
  const major = /^yarn@(\d+)/.exec(field ?? '')?.[1];
  if (major) return Number(major) >= 2;
  return index.has(joinRelative(dir, '.yarnrc.yml'));
}

function taskRunnerOf(
  index: RepositoryIndex,
  dir: string,
): { tool: 'turbo' | 'nx'; file: string } | undefined {
  const turbo = joinRelative(dir, 'turbo.json');
  if (index.has(turbo)) return { tool: 'turbo', file: turbo };
  const nx = joinRelative(dir, 'nx.json');
  return index.has(nx) ? { tool: 'nx', file: nx } : undefined;
}
