import path from 'node:path';
import { assembleFindings } from '../../assemble-findings.js';
import { createCommandClassifier } from '../../command-classifier.js';
import type { EcosystemDetector, EcosystemFindings, DetectionContext } from '../../detector.js';
import { readPinnedVersion } from '../../read-version-file.js';
import { dirnameRelative, joinRelative } from '../../repository-index.js';
import { goCatalog } from './go-catalog.js';
import { readGoMod, readGoWorkUses } from './read-go-mod.js';

const GOLANGCI_CONFIGS = ['.golangci.yml', '.golangci.yaml', '.golangci.toml', '.golangci.json'];

/**
 * Go modules: go.mod's direct requirements (exact versions: the build list's minimum),
 * `go` and `toolchain` directives. Modules of a go.work are each a project, with the
 * go.work folder as their workspace: `go test ./...` does not cross module boundaries
 * (golang/go#50745). `// indirect` requirements say nothing about what the module uses.
 */
export const goDetector: EcosystemDetector = {
  ecosystem: 'go',
  keepsFile: (name) => name === 'go.mod' || name === 'go.work' || GOLANGCI_CONFIGS.includes(name),
  projectDirOf: (file) => (/(^|\/)go\.(mod|work)$/.test(file) ? dirnameRelative(file) : undefined),
  workspaceMembers: async (dir, context) => {
    const file = joinRelative(dir, 'go.work');
    if (!context.index.has(file)) return [];
    const uses = readGoWorkUses((await context.index.readText(file)) ?? '').map((use) =>
      path.posix.normalize(path.posix.join(dir, use)).replace(/\/+$/, ''),
    );
    return context.candidates.filter((candidate) => candidate !== dir && uses.includes(candidate));
  },
  detect: detectGoModule,
  isSingleBuild: () => Promise.resolve(false),
  classifyCommand: createCommandClassifier({
    install: ['go mod download'],
    test: ['go test'],
    lint: ['golangci-lint run', 'go vet', 'staticcheck'],
  }),
};

async function detectGoModule(
  dir: string,
  _members: readonly string[],
  context: DetectionContext,
): Promise<EcosystemFindings | undefined> {
  const { index } = context;
  const file = joinRelative(dir, 'go.mod');
  if (!index.has(file)) return undefined;
  const text = await index.readText(file);
  if (text === undefined) return undefined;
  const mod = readGoMod(text);
  // A pin file (.go-version, .tool-versions, mise) names the toolchain in use; then go.mod's toolchain and go lines.
  const pinned = await readPinnedVersion(index, dir, 'go');
  const version = mod.toolchain ?? mod.goVersion;
  const direct = mod.requires.filter((require) => !require.indirect);
  const golangci = index.findUp(dir, GOLANGCI_CONFIGS);
  const suggest = (run: string, source = file) => ({ run, source, suggested: true });
  return assembleFindings({
    ecosystem: 'go',
    language: 'go',
    languageVersion: pinned ?? (version ? { value: version, source: file } : null),
    packageManager: 'go',
    dependencies: direct.map((require) => ({
      name: require.path,
      constraint: require.version,
      version: require.version,
      source: file,
      dev: false,
    })),
    catalog: goCatalog,
    ownCommands: {},
    // Every module can run `go test ./...`: a module is always a testable unit.
    ownTests: true,
    ownCode: true,
    defaultCommands: {
      install: context.workspace
        ? suggest('go mod download', joinRelative(context.workspace, 'go.work'))
        : suggest('go mod download'),
      test: suggest('go test ./...'),
      lint: golangci ? suggest('golangci-lint run', golangci) : suggest('go vet ./...'),
    },
    extra: { linters: golangci ? ['golangci-lint'] : [] },
  });
}
