import { detectMigrationTool } from './migrations/detect-migration-tool.js';

/** What a changed file is, for counting source against tests and for choosing readers. */
export type FileRole =
  'source' | 'test' | 'doc' | 'config' | 'manifest' | 'lockfile' | 'migration' | 'generated' | 'other';

export interface FilePathKind {
  role: FileRole;
  /** Canonical language of source and test files. */
  language?: string;
}

const LANGUAGE_BY_EXTENSION: Record<string, string> = {
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  ts: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  py: 'python',
  go: 'go',
  rs: 'rust',
  java: 'java',
  kt: 'kotlin',
  kts: 'kotlin',
  scala: 'scala',
  groovy: 'groovy',
  rb: 'ruby',
  rake: 'ruby',
  php: 'php',
  cs: 'csharp',
  fs: 'fsharp',
  ex: 'elixir',
  exs: 'elixir',
  swift: 'swift',
  c: 'c',
  cc: 'cpp',
  cpp: 'cpp',
  h: 'c',
  hpp: 'cpp',
};

const MANIFESTS =
  /(^|\/)(package\.json|requirements[^/]*\.(txt|in)|pyproject\.toml|Pipfile|setup\.py|setup\.cfg|go\.mod|Cargo\.toml|pom\.xml|build\.gradle(\.kts)?|settings\.gradle(\.kts)?|libs\.versions\.toml|Gemfile|[^/]+\.gemspec|composer\.json|[^/]+\.(cs|fs|vb)proj|Directory\.Packages\.props|Directory\.Build\.props|mix\.exs)$/;
const LOCKFILES =
  /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|pnpm-lock\.yaml|yarn\.lock|bun\.lockb?|go\.sum|go\.work\.sum|Cargo\.lock|Gemfile\.lock|composer\.lock|poetry\.lock|uv\.lock|pdm\.lock|Pipfile\.lock|mix\.lock|packages\.lock\.json|gradle\.lockfile)$/;
const DOCS =
  /(^|\/)(docs?|documentation)\/|\.(md|mdx|markdown|rst|adoc|txt)$|(^|\/)(LICENSE|NOTICE|AUTHORS|CHANGELOG|CODEOWNERS)[^/]*$/i;
const CONFIG =
  /(^|\/)(\.[^/]+|Dockerfile[^/]*|Containerfile|Makefile|Procfile|[^/]+\.(json|jsonc|ya?ml|toml|ini|cfg|conf|properties|xml|env|lock|tf|tfvars|hcl|sh|bash|ps1|cmd|bat)|[^/]+\.config\.(js|cjs|mjs|ts|mts|cts)|\.[^/]*rc(\.(js|cjs|mjs|json|ya?ml))?)$/i;
const GENERATED =
  /(\.pb\.go|_pb2(_grpc)?\.pyi?|\.pb\.(ts|js)|\.generated\.\w+|\.g\.cs|\.Designer\.cs|ModelSnapshot\.cs|\.min\.js|_generated\.go|\.gen\.go)$|(^|\/)(vendor|node_modules|dist|build|target|generated|__generated__)\//;

const TEST_DIRECTORY =
  /(^|\/)(tests?|spec|specs|__tests__|__mocks__|e2e|integration[-_]tests?|testdata|test[-_]?utils|fixtures)\//i;
const TEST_FILE_NAME =
  /(^|\/)(test_[^/]+\.py|[^/]+_test\.(py|go|rb|exs)|conftest\.py|[^/]+\.(test|spec|e2e|e2e-spec|int-spec)\.[cm]?[jt]sx?|[^/]+_spec\.rb|[^/]+(Tests?|IT|Spec)\.(java|kt|scala|groovy|cs|php|swift))$/;
// Java and Kotlin keep tests under src/test; .NET names test projects `Foo.Tests`.
const TEST_SOURCE_SET =
  /(^|\/)src\/(test|androidTest|integrationTest|testFixtures)\/|(^|\/)[^/]+\.(Tests?|UnitTests|IntegrationTests|Specs)\//;

/** True for files that hold tests by their language's convention (`*_test.go`, `test_*.py`, `*.spec.ts`, `src/test/java`, `spec/`…). */
export function isTestPath(path: string): boolean {
  return TEST_FILE_NAME.test(path) || TEST_SOURCE_SET.test(path) || TEST_DIRECTORY.test(path);
}

function languageOf(path: string): string | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < path.lastIndexOf('/') + 1) return undefined;
  return LANGUAGE_BY_EXTENSION[path.slice(dot + 1).toLowerCase()];
}

/** Canonical language of a file by its extension, or undefined for non-code files. */
export function languageOfPath(path: string): string | undefined {
  return languageOf(path);
}

/** Sorts a changed file into one role: lockfiles and manifests first, then migrations, tests, generated code, source, docs and configuration. */
export function classifyFilePath(path: string): FilePathKind {
  if (LOCKFILES.test(path)) return { role: 'lockfile' };
  if (MANIFESTS.test(path)) return { role: 'manifest' };
  if (detectMigrationTool(path) !== undefined) return { role: 'migration' };
  const language = languageOf(path);
  if (GENERATED.test(path)) return { role: 'generated' };
  if (language !== undefined && isTestPath(path)) return { role: 'test', language };
  if (language !== undefined && !CONFIG.test(path)) return { role: 'source', language };
  if (DOCS.test(path)) return { role: 'doc' };
  if (CONFIG.test(path)) return { role: 'config' };
  return { role: 'other' };
}
