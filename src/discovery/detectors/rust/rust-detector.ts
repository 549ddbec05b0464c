import { assembleFindings } from '../../assemble-findings.js';
import { createCommandClassifier } from '../../command-classifier.js';
import type { DetectionContext, EcosystemDetector, EcosystemFindings } from '../../detector.js';
import { matchWorkspaceMembers } from '../../match-workspace-members.js';
import type { SourcedValue } from '../../project.js';
import { dirnameRelative, joinRelative, type RepositoryIndex } from '../../repository-index.js';
import { pathOf, recordOf, stringOf, stringsOf, type UnknownRecord } from '../../untyped-value.js';
import { rustCatalog } from './rust-catalog.js';
import { readPinnedVersion } from '../../read-version-file.js';
import { isDockerfile } from '../../containers/attach-container-files.js';
import {
  featureStores,
  lockedVersions,
  outsideCrates,
  pathDependencies,
  readMemberManifests,
} from './read-cargo-crates.js';

/** Rust crates and Cargo workspaces: Cargo.toml (with `[workspace.dependencies]`), Cargo.lock (rust-toolchain is a version file). */
export const rustDetector: EcosystemDetector = {
  ecosystem: 'rust',
  keepsFile: (name) => name === 'Cargo.toml' || name === 'Cargo.lock' || name === 'clippy.toml',
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
  // The crates of a workspace build one deliverable together unless a member ships its own image.
  isSingleBuild: (_root, members, context) =>
    Promise.resolve(!members.some((member) => context.index.filesIn(member).some(isDockerfile))),
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
  // A member crate resolves against its workspace's lockfile and `[workspace.dependencies]`.
  const root = context.workspace ?? dir;
  const rootManifest =
    root === dir ? manifest : recordOf(await index.readParsed(joinRelative(root, 'Cargo.toml'), 'toml'));
  const lockFile = joinRelative(root, 'Cargo.lock');
  const locked = index.has(lockFile)
    ? lockedVersions(await index.readParsed(lockFile, 'toml'))
    : new Map<string, string>();
  const shared = recordOf(pathOf(rootManifest, 'workspace', 'dependencies')) ?? {};
  const crates = outsideCrates(manifests, shared, locked, lockFile);
  const crateName = stringOf(pathOf(manifest, 'package', 'name'));
  return assembleFindings({
    ecosystem: 'rust',
    language: 'rust',
    languageVersion: await rustVersion(index, dir, manifest, file),
    packageManager: 'cargo',
    dependencies: crates,
    catalog: rustCatalog,
    ownCommands: index.has(lockFile) ? { install: { run: 'cargo fetch --locked', source: lockFile } } : {},
    defaultCommands: suggestedCargoCommands(
      file,
      context.workspace !== undefined && crateName
        ? `-p ${crateName}`
        : manifest.workspace !== undefined
          ? '--workspace'
          : '',
    ),
    // Unit tests live inside the sources; a crate shows tests of its own with an integration `tests/` folder.
    ownTests: index.hasTestFolder(dir),
    ownCode: manifest.package !== undefined,
    internalDependencies: pathDependencies(manifests, context.candidates),
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

/**
 * A workspace root needs `--workspace`, or cargo only tests and lints the root crate; a member
 * crate that is a project of its own is selected with `-p <crate>`.
 */
function suggestedCargoCommands(file: string, selection: string): EcosystemFindings['defaultCommands'] {
  const suggest = (run: string) => ({ run, source: file, suggested: true });
  const scope = selection === '' ? '' : ` ${selection}`;
  return {
    install: suggest('cargo fetch'),
    test: suggest(`cargo test${scope}`),
    lint: suggest(`cargo clippy${scope} --all-targets`),
  };
}

async function rustVersion(
  index: RepositoryIndex,
  dir: string,
  manifest: UnknownRecord,
  file: string,
): Promise<SourcedValue | null> {
  const pinned = await readPinnedVersion(index, dir, 'rust');
  if (pinned) return pinned;
  const declared =
    stringOf(pathOf(manifest, 'package', 'rust-version')) ??
    stringOf(pathOf(manifest, 'workspace', 'package', 'rust-version'));
  return declared ? { value: declared, source: file } : null;
}
