import { createBoundedMemo } from './bounded-memo.js';
import { languageOfPath } from './language.js';
import { detectMigrationTool } from './migration-path.js';

/**
 * The one path classifier: what a file is (test, generated, vendored, migration, docs,
 * source…) from its path alone. Change analysis, the reviewers and the model budget all
 * ask it, so a file is a test for all of them or for none.
 */
export type FileRole =
  | 'source'
  | 'test'
  | 'doc'
  /** Message catalogs: gettext `.po`, XLIFF, locale folders of JSON or YAML strings. */
  | 'translation'
  | 'config'
  | 'manifest'
  | 'lockfile'
  | 'migration'
  | 'generated'
  | 'vendored'
  | 'other';

export interface FilePathKind {
  role: FileRole;
  /** Canonical language of source and test files. */
  language?: string;
}

const MANIFESTS =
  /(^|\/)(package\.json|requirements[^/]*\.(txt|in)|pyproject\.toml|Pipfile|setup\.py|setup\.cfg|go\.mod|go\.work|Cargo\.toml|pom\.xml|build\.gradle(\.kts)?|settings\.gradle(\.kts)?|libs\.versions\.toml|Gemfile|[^/]+\.gemspec|composer\.json|[^/]+\.(cs|fs|vb)proj|Directory\.Packages\.props|Directory\.Build\.props|mix\.exs)$/;
const LOCKFILE_NAMES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lockb',
  'bun.lock',
  'Cargo.lock',
  'Gemfile.lock',
  'poetry.lock',
  'Pipfile.lock',
  'uv.lock',
  'pdm.lock',
  'composer.lock',
  'go.sum',
  'go.work.sum',
  'mix.lock',
  'packages.lock.json',
  'gradle.lockfile',
]);
const DOCS =
  /(^|\/)(docs?|documentation)\/|\.(md|mdx|markdown|rst|adoc|txt)$|(^|\/)(LICENSE|NOTICE|AUTHORS|CHANGELOG|CODEOWNERS)[^/]*$/i;
const TRANSLATIONS =
  /\.(po|pot|mo|xlf|xliff|arb|strings|stringsdict)$|(^|\/)(locales?|i18n|l10n|translations?|lang)\/(?:[^/]+\/)*[^/]+\.(json|ya?ml|properties)$/i;
const CONFIG =
  /(^|\/)(\.[^/]+|Dockerfile[^/]*|Containerfile|Makefile|Procfile|[^/]+\.(json|jsonc|ya?ml|toml|ini|cfg|conf|properties|xml|env|lock|tf|tfvars|hcl|sh|bash|ps1|cmd|bat)|[^/]+\.config\.(js|cjs|mjs|ts|mts|cts)|\.[^/]*rc(\.(js|cjs|mjs|json|ya?ml))?)$/i;

/** Folders of installed, vendored or built code: nobody reviews what is in them. */
const VENDORED_DIRECTORIES = new Set([
  'node_modules',
  'vendor',
  'third_party',
  'third-party',
  'bower_components',
  'dist',
  'build',
  'out',
  'target',
  '.next',
  '.nuxt',
  'coverage',
  '.yarn',
  'Pods',
  'site-packages',
  '__pycache__',
  '.venv',
  'venv',
]);
const GENERATED_DIRECTORIES = new Set(['__generated__', 'generated', '__snapshots__']);
const GENERATED_NAME = [
  /\.min\.(js|css|mjs)$/i,
  /\.(map|snap)$/i,
  /\.pb\.go$/,
  /_pb2(_grpc)?\.pyi?$/,
  /\.pb\.(cc|h|ts|js)$/,
  /\.g\.(dart|cs)$/,
  /\.generated\.\w+$/i,
  /\.gen\.(go|ts|js)$/,
  /^zz_generated/,
  /\.designer\.cs$/i,
  /ModelSnapshot\.cs$/,
  /_generated\.go$/,
];

const TEST_DIRECTORIES = new Set([
  'test',
  'tests',
  '__tests__',
  '__mocks__',
  'spec',
  'specs',
  'e2e',
  'testing',
  'it',
  'testdata',
  'fixtures',
  'integration-test',
  'integration-tests',
  'integration_test',
  'integration_tests',
  'test-utils',
  'test_utils',
  'testutils',
]);
const TEST_NAME = [
  /\.(test|spec|e2e-spec|e2e|int-spec)\.[cm]?[jt]sx?$/,
  /_test\.(go|py|exs|rb)$/,
  /^test_.*\.py$/,
  /^conftest\.py$/,
  /_spec\.rb$/,
  /(Test|Tests|IT|Spec)\.(java|kt|kts|cs|php|groovy|scala|swift)$/,
  /\.(Tests?|Specs?)\.cs$/,
];
// Java and Kotlin keep tests under src/test; .NET names test projects `Foo.Tests`.
const TEST_SOURCE_SET = /(^|\/)src\/(test|androidTest|integrationTest|testFixtures)\//;

const FIXTURE_DIRECTORIES = new Set([
  'fixtures',
  '__fixtures__',
  'testdata',
  'test-data',
  'mocks',
  '__mocks__',
  'stubs',
]);

function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** True for a file named like a test in its ecosystem (`*.test.ts`, `test_*.py`, `*_test.go`, `*Test.java`). */
export function isTestFileName(path: string): boolean {
  const name = nameOf(path);
  return TEST_NAME.some((pattern) => pattern.test(name));
}

const SPRING_CONFIGURATION = /(^|\/)(application|bootstrap)(-[\w.-]+)?\.(properties|ya?ml)$/;

/** True for Spring Boot's configuration files (`application.yml`, `application-prod.properties`, `bootstrap.yml`). */
export function isSpringConfigurationPath(path: string): boolean {
  return SPRING_CONFIGURATION.test(path);
}

// Paths are classified again and again (each side, each reader, each review area): each is worked out once.
const MAX_REMEMBERED_PATHS = 50_000;
const testPaths = createBoundedMemo<boolean>(MAX_REMEMBERED_PATHS);
const pathKinds = createBoundedMemo<Readonly<FilePathKind>>(MAX_REMEMBERED_PATHS);

/** True for test code: files under a test directory or named like a test in their ecosystem. */
export function isTestPath(path: string): boolean {
  return testPaths.of(path, readTestPath);
}

function readTestPath(path: string): boolean {
  if (isTestFileName(path) || TEST_SOURCE_SET.test(path)) return true;
  return segmentsOf(path)
    .slice(0, -1)
    .some(
      (segment) =>
        TEST_DIRECTORIES.has(segment.toLowerCase()) ||
        /\.(Tests?|UnitTests|IntegrationTests|Specs)$/.test(segment),
    );
}

/** True for a lockfile, by name. */
export function isLockfilePath(path: string): boolean {
  return LOCKFILE_NAMES.has(nameOf(path));
}

/** True for installed, vendored or built code (`node_modules/`, `vendor/`, `dist/`…). */
export function isVendoredPath(path: string): boolean {
  return segmentsOf(path)
    .slice(0, -1)
    .some((segment) => VENDORED_DIRECTORIES.has(segment));
}

/** True for generated code by its name or folder (`*.pb.go`, `*.min.js`, `__generated__/`). */
export function isGeneratedPath(path: string): boolean {
  const segments = segmentsOf(path);
  if (segments.slice(0, -1).some((segment) => GENERATED_DIRECTORIES.has(segment))) return true;
  const name = segments[segments.length - 1] ?? '';
  return GENERATED_NAME.some((pattern) => pattern.test(name));
}

/** True for files no reviewer reads: vendored or build output, generated code, lockfiles. */
export function isSkippedPath(path: string): boolean {
  return isLockfilePath(path) || isVendoredPath(path) || isGeneratedPath(path);
}

/** True for fixtures, sample data and examples, where literal credentials are expected to be fake. */
export function isFixturePath(path: string): boolean {
  const segments = segmentsOf(path);
  const name = segments[segments.length - 1] ?? '';
  if (/\.(example|sample|template|dist)$/i.test(name) || /\.example\./i.test(name)) return true;
  return segments.slice(0, -1).some((segment) => FIXTURE_DIRECTORIES.has(segment.toLowerCase()));
}

/** True when the first lines of a file carry a "generated, do not edit" banner. */
export function hasGeneratedBanner(firstLines: readonly string[]): boolean {
  return firstLines.some((text) =>
    /(@generated\b|\bDO NOT EDIT\b|\bauto-?generated\b|\bAutogenerated\b|<auto-generated)/i.test(text),
  );
}

/** True for a minified bundle: very long lines are not hand-written code. */
export function looksMinified(lines: readonly string[]): boolean {
  return lines.some((text) => text.length > 1000);
}

/** Sorts a file into one role: lockfiles and manifests first, then vendored and generated code, migrations, tests, source, docs and configuration. */
export function classifyPath(path: string): FilePathKind {
  return pathKinds.of(path, readPathKind);
}

function readPathKind(path: string): FilePathKind {
  if (isLockfilePath(path)) return { role: 'lockfile' };
  if (MANIFESTS.test(path)) return { role: 'manifest' };
  if (isVendoredPath(path)) return { role: 'vendored' };
  if (isGeneratedPath(path)) return { role: 'generated' };
  if (detectMigrationTool(path) !== undefined) return { role: 'migration' };
  const language = languageOfPath(path);
  if (language !== undefined && isTestPath(path)) return { role: 'test', language };
  if (language !== undefined && !CONFIG.test(path)) return { role: 'source', language };
  if (DOCS.test(path)) return { role: 'doc' };
  if (TRANSLATIONS.test(path)) return { role: 'translation' };
  if (CONFIG.test(path)) return { role: 'config' };
  return { role: 'other' };
}
