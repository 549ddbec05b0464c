import { assembleFindings } from '../../assemble-findings.js';
import { createCommandClassifier } from '../../command-classifier.js';
import type { DeclaredDependency } from '../../dependency-catalog.js';
import type { DetectionContext, EcosystemDetector, EcosystemFindings } from '../../detector.js';
import { matchWorkspaceMembers } from '../../match-workspace-members.js';
import type { SourcedValue } from '../../project.js';
import { dirnameRelative, joinRelative, type RepositoryIndex } from '../../repository-index.js';
import { listOf, pathOf, recordOf, stringOf, stringsOf, type UnknownRecord } from '../../untyped-value.js';
import { rustCatalog } from './rust-catalog.js';

const TOOLCHAIN_FILES = ['rust-toolchain.toml', 'rust-toolchain'];

/** Rust crates and Cargo workspaces: Cargo.toml (with `[workspace.dependencies]`), Cargo.lock, rust-toolchain. */
export const rustDetector: EcosystemDetector = {
  ecosystem: 'rust',
  keepsFile: (name) =>
    name === 'Cargo.toml' ||
    name === 'Cargo.lock' ||
    TOOLCHAIN_FILES.includes(name) ||
    name === 'clippy.toml',
  projectDirOf: (file) =>
    file === 'Cargo.toml' || file.endsWith('/Cargo.toml') ? dirnameRelative(file) : undefined,
  workspaceMembers: async (dir, context) => {
    const workspace = pathOf(
      await context.index.readParsed(joinRelative(dir, 'Cargo.toml'), 'toml'),
      'workspace',
    );
    return matchWorkspaceMembers(
      dir,
      stringsOf(pathOf(workspace, 'members')),
      context.candidates,
      stringsOf(pathOf(workspace, 'exclude')),
    );
  },
  detect: detectCargoProject,
  classifyCommand: createCommandClassifier({
    install: ['cargo fetch'],
    test: ['cargo test', 'cargo nextest'],
    lint: ['cargo clippy', 'cargo fmt'],
  }),
};

async function detectCargoProject(
  dir: string,
  members: readonly string[],
  context: DetectionContext,
): Promise<EcosystemFindings | undefined> {
  const { index } = context;
  const file = joinRelative(dir, 'Cargo.toml');
  const manifest = recordOf(await index.readParsed(file, 'toml'));
  if (!manifest) return undefined;
  const manifests = [{ file, manifest }, ...(await readMemberManifests(index, members))];
  const lockFile = joinRelative(dir, 'Cargo.lock');
  const locked = index.has(lockFile)
    ? lockedVersions(await index.readParsed(lockFile, 'toml'))
    : new Map<string, string>();
  const shared = recordOf(pathOf(manifest, 'workspace', 'dependencies')) ?? {};
  const crates = outsideCrates(manifests, shared, locked, lockFile);
  return assembleFindings({
    ecosystem: 'rust',
    language: 'rust',
    languageVersion: await rustVersion(index, dir, manifest, file),
    packageManager: 'cargo',
    dependencies: crates,
    catalog: rustCatalog,
    ownCommands: index.has(lockFile) ? { install: { run: 'cargo fetch --locked', source: lockFile } } : {},
    defaultCommands: suggestedCargoCommands(file, manifest.workspace !== undefined),
    extra: {
      databases: featureStores(
        crates,
        manifests.map((m) => m.manifest),
        shared,
      ),
      linters: index.findUp(dir, ['clippy.toml']) ? ['clippy'] : [],
    },
  });
}

interface CargoManifest {
  file: string;
  manifest: UnknownRecord | undefined;
}

async function readMemberManifests(
  index: RepositoryIndex,
  members: readonly string[],
): Promise<CargoManifest[]> {
  return Promise.all(
    members.map(async (member) => ({
      file: joinRelative(member, 'Cargo.toml'),
      manifest: recordOf(await index.readParsed(joinRelative(member, 'Cargo.toml'), 'toml')),
    })),
  );
}

/** Workspace crates depend on each other by name; those are not outside dependencies. */
function outsideCrates(
  manifests: readonly CargoManifest[],
  shared: UnknownRecord,
  locked: ReadonlyMap<string, string>,
  lockFile: string,
): DeclaredDependency[] {
  const internal = new Set(manifests.flatMap((m) => stringOf(pathOf(m.manifest, 'package', 'name')) ?? []));
  return manifests
    .flatMap(({ file: source, manifest: crate }) =>
      crate ? declaredCrates(crate, source, shared, locked, lockFile) : [],
    )
    .filter((crate) => !internal.has(crate.name));
}

/** A workspace root needs `--workspace`, or cargo only tests and lints the root crate. */
function suggestedCargoCommands(file: string, isWorkspace: boolean): EcosystemFindings['defaultCommands'] {
  const suggest = (run: string) => ({ run, source: file, suggested: true });
  return {
    install: suggest('cargo fetch'),
    test: suggest(isWorkspace ? 'cargo test --workspace' : 'cargo test'),
    lint: suggest(isWorkspace ? 'cargo clippy --workspace --all-targets' : 'cargo clippy --all-targets'),
  };
}

/** Crates of `[dependencies]` (runtime) and `[dev-dependencies]`, `workspace = true` ones taking the workspace's constraint. */
function declaredCrates(
  crate: UnknownRecord,
  source: string,
  shared: UnknownRecord,
  locked: ReadonlyMap<string, string>,
  lockFile: string,
): DeclaredDependency[] {
  const tables: Array<[unknown, boolean]> = [
    [crate.dependencies, false],
    [crate['dev-dependencies'], true],
    [pathOf(crate, 'workspace', 'dependencies'), false],
  ];
  return tables.flatMap(([table, dev]) =>
    Object.entries(recordOf(table) ?? {}).map(([name, spec]) => {
      const resolvedSpec = pathOf(spec, 'workspace') === true ? shared[name] : spec;
      const packageName = stringOf(pathOf(resolvedSpec, 'package')) ?? name;
      const constraint = stringOf(resolvedSpec) ?? stringOf(pathOf(resolvedSpec, 'version')) ?? null;
      const version = locked.get(packageName) ?? null;
      return { name: packageName, constraint, version, source: version ? lockFile : source, dev };
    }),
  );
}

/** Data stores named by crate features (`sqlx = { features = ["postgres"] }`). */
function featureStores(
  crates: readonly DeclaredDependency[],
  manifests: ReadonlyArray<UnknownRecord | undefined>,
  shared: UnknownRecord,
): string[] {
  const features = new Map<string, string[]>();
  for (const manifest of [...manifests, { dependencies: shared }]) {
    for (const table of [manifest?.dependencies, manifest?.['dev-dependencies']]) {
      for (const [name, spec] of Object.entries(recordOf(table) ?? {}))
        features.set(name, [...(features.get(name) ?? []), ...stringsOf(pathOf(spec, 'features'))]);
    }
  }
  return crates.flatMap((crate) =>
    (features.get(crate.name) ?? []).flatMap((feature) =>
      rustCatalog
        .lookup(`${crate.name}[${feature}]`)
        .filter((e) => e.role === 'database')
        .map((e) => e.name),
    ),
  );
}

function lockedVersions(lock: unknown): Map<string, string> {
  const versions = new Map<string, string>();
  for (const entry of listOf(pathOf(lock, 'package'))) {
    const name = stringOf(pathOf(entry, 'name'));
    const version = stringOf(pathOf(entry, 'version'));
    if (name && version && !versions.has(name)) versions.set(name, version);
  }
  return versions;
}

async function rustVersion(
  index: RepositoryIndex,
  dir: string,
  manifest: UnknownRecord,
  file: string,
): Promise<SourcedValue | null> {
  const toolchain = index.findUp(dir, TOOLCHAIN_FILES);
  if (toolchain) {
    const text = await index.readText(toolchain);
    const channel = toolchain.endsWith('.toml')
      ? stringOf(pathOf(await index.readParsed(toolchain, 'toml'), 'toolchain', 'channel'))
      : text?.trim().split(/\r?\n/)[0];
    if (channel) return { value: channel, source: toolchain };
  }
  const declared =
    stringOf(pathOf(manifest, 'package', 'rust-version')) ??
    stringOf(pathOf(manifest, 'workspace', 'package', 'rust-version'));
  return declared ? { value: declared, source: file } : null;
}
