import { assembleFindings } from '../../assemble-findings.js';
import { createCommandClassifier } from '../../command-classifier.js';
import { DependencyCatalog, type DeclaredDependency } from '../../dependency-catalog.js';
import type { CommandSet, DetectionContext, EcosystemDetector, EcosystemFindings } from '../../detector.js';
import { matchWorkspaceMembers } from '../../match-workspace-members.js';
import { readPinnedVersion } from '../../read-version-file.js';
import { dirnameRelative, joinRelative } from '../../repository-index.js';
import { readMixLock, readMixProject, type MixProject } from './read-mix-project.js';

/** Hex packages that name a framework, data store, ORM, test framework or linter. */
const elixirCatalog = new DependencyCatalog({
  phoenix: 'framework:phoenix',
  postgrex: 'database:postgresql',
  myxql: 'database:mysql',
  ecto_sqlite3: 'database:sqlite',
  tds: 'database:sqlserver',
  mongodb_driver: 'database:mongodb',
  redix: 'database:redis',
  amqp: 'database:rabbitmq',
  broadway_rabbitmq: 'database:rabbitmq',
  brod: 'database:kafka',
  kafka_ex: 'database:kafka',
  broadway_kafka: 'database:kafka',
  ecto_sql: 'orm:ecto',
  ecto: 'orm:ecto',
  wallaby: 'test:wallaby',
  mox: 'test:mox',
  credo: 'linter:credo',
  dialyxir: 'linter:dialyzer',
  sobelow: 'linter:sobelow',
});

/** Elixir projects and umbrellas: mix.exs, mix.lock. */
export const elixirDetector: EcosystemDetector = {
  ecosystem: 'elixir',
  keepsFile: (name) => name === 'mix.exs' || name === 'mix.lock' || name === '.credo.exs',
  projectDirOf: (file) =>
    file === 'mix.exs' || file.endsWith('/mix.exs') ? dirnameRelative(file) : undefined,
  workspaceMembers: async (dir, context) => {
    const appsPath = readMixProject(
      (await context.index.readText(joinRelative(dir, 'mix.exs'))) ?? '',
    ).appsPath;
    return appsPath
      ? matchWorkspaceMembers(dir, [`${appsPath.replace(/\/+$/, '')}/*`], context.candidates)
      : [];
  },
  detect: detectMixProject,
  isSingleBuild: () => Promise.resolve(false),
  classifyCommand: createCommandClassifier({
    install: ['mix deps.get'],
    test: ['mix test'],
    lint: ['mix credo', 'mix format', 'mix lint', 'mix dialyzer'],
  }),
};

async function detectMixProject(
  dir: string,
  members: readonly string[],
  context: DetectionContext,
): Promise<EcosystemFindings | undefined> {
  const { index } = context;
  const file = joinRelative(dir, 'mix.exs');
  const texts = await Promise.all(
    [dir, ...members].map((each) => index.readText(joinRelative(each, 'mix.exs'))),
  );
  if (texts[0] === undefined) return undefined;
  const projects = texts.map((text) => readMixProject(text ?? ''));
  // An umbrella app shares the umbrella's mix.lock and deps.
  const lockFile = joinRelative(context.workspace ?? dir, 'mix.lock');
  const locked = index.has(lockFile)
    ? readMixLock((await index.readText(lockFile)) ?? '')
    : new Map<string, string>();
  const root = projects[0] as MixProject;
  const dependencies = mixDependencies(projects, locked, { file, lockFile });
  const findings = assembleFindings({
    ecosystem: 'elixir',
    language: 'elixir',
    languageVersion:
      (await readPinnedVersion(index, dir, 'elixir')) ??
      (root.elixir ? { value: root.elixir, source: file } : null),
    packageManager: 'mix',
    dependencies,
    catalog: elixirCatalog,
    ownCommands: {},
    defaultCommands: {},
    extra: { linters: index.has(joinRelative(dir, '.credo.exs')) ? ['credo'] : [] },
  });
  findings.ownCommands = mixOwnCommands(root, file, index.has(lockFile) ? lockFile : undefined);
  findings.defaultCommands = mixDefaults(file, findings.linters);
  findings.ownTests = index.hasTestFolder(dir);
  findings.ownCode = root.appsPath === undefined;
  // Umbrella apps live side by side in the umbrella's apps folder.
  findings.internalDependencies = root.umbrellaDeps
    .map((app) => joinRelative(dirnameRelative(dir), app))
    .filter((app) => context.candidates.includes(app));
  return findings;
}

/** Dependencies of the root and every umbrella app, versioned from the one root mix.lock. */
function mixDependencies(
  projects: readonly MixProject[],
  locked: ReadonlyMap<string, string>,
  files: { file: string; lockFile: string },
): DeclaredDependency[] {
  return projects.flatMap((project) =>
    project.deps.map((dep) => {
      const version = locked.get(dep.name) ?? null;
      return {
        name: dep.name,
        constraint: dep.constraint,
        version,
        source: version ? files.lockFile : files.file,
        dev: dep.dev,
      };
    }),
  );
}

/** A committed lock makes `mix deps.get` reproducible; `test`/`lint` aliases are the project's own commands. */
function mixOwnCommands(root: MixProject, file: string, lockFile: string | undefined): CommandSet {
  return {
    ...(lockFile ? { install: { run: 'mix deps.get', source: lockFile } } : {}),
    ...(root.aliases.has('test') ? { test: { run: 'mix test', source: `${file} aliases.test` } } : {}),
    ...(root.aliases.has('lint') ? { lint: { run: 'mix lint', source: `${file} aliases.lint` } } : {}),
  };
}

function mixDefaults(file: string, linters: readonly string[]): CommandSet {
  const suggest = (run: string) => ({ run, source: file, suggested: true });
  return {
    install: suggest('mix deps.get'),
    test: suggest('mix test'),
    lint: suggest(linters.includes('credo') ? 'mix credo --strict' : 'mix format --check-formatted'),
  };
}
