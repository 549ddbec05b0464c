import { assembleFindings } from '../../assemble-findings.js';
import { createCommandClassifier } from '../../command-classifier.js';
import type { EcosystemDetector, EcosystemFindings, DetectionContext } from '../../detector.js';
import { dirnameRelative, joinRelative } from '../../repository-index.js';
import { goCatalog } from './go-catalog.js';
import { readGoMod, type GoModule } from './read-go-mod.js';

const GOLANGCI_CONFIGS = ['.golangci.yml', '.golangci.yaml', '.golangci.toml', '.golangci.json'];

/**
 * Go modules: go.mod's requirements (exact versions: the build list's minimum),
 * `go` and `toolchain` directives. Modules of a go.work stay separate projects:
 * `go test ./...` does not cross module boundaries (golang/go#50745).
 */
export const goDetector: EcosystemDetector = {
  ecosystem: 'go',
  keepsFile: (name) => name === 'go.mod' || name === 'go.work' || GOLANGCI_CONFIGS.includes(name),
  projectDirOf: (file) => (file === 'go.mod' || file.endsWith('/go.mod') ? dirnameRelative(file) : undefined),
  workspaceMembers: () => Promise.resolve([]),
  detect: detectGoModule,
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
  const text = await index.readText(file);
  if (text === undefined) return undefined;
  const mod = readGoMod(text);
  const version = mod.toolchain ?? mod.goVersion;
  const direct = mod.requires.filter((require) => !require.indirect);
  const golangci = index.findUp(dir, GOLANGCI_CONFIGS);
  const suggest = (run: string, source = file) => ({ run, source, suggested: true });
  return assembleFindings({
    ecosystem: 'go',
    language: 'go',
    languageVersion: version ? { value: version, source: file } : null,
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
    defaultCommands: {
      install: suggest('go mod download'),
      test: suggest('go test ./...'),
      lint: golangci ? suggest('golangci-lint run', golangci) : suggest('go vet ./...'),
    },
    extra: { databases: indirectStores(mod.requires), linters: golangci ? ['golangci-lint'] : [] },
  });
}

/** Indirect requirements still tell which data stores the build reaches (a driver pulled in by an ORM). */
function indirectStores(requires: GoModule['requires']): string[] {
  return requires
    .filter((require) => require.indirect)
    .flatMap((require) =>
      goCatalog
        .lookup(require.path)
        .filter((entry) => entry.role === 'database')
        .map((entry) => entry.name),
    );
}
