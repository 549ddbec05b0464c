import { assembleFindings } from '../../assemble-findings.js';
import { createCommandClassifier } from '../../command-classifier.js';
import type { DeclaredDependency } from '../../dependency-catalog.js';
import type { CommandSet, DetectionContext, EcosystemDetector, EcosystemFindings } from '../../detector.js';
import type { ProjectCommand } from '../../project.js';
import { readPinnedVersion } from '../../read-version-file.js';
import { dirnameRelative, joinRelative } from '../../repository-index.js';
import { listOf, pathOf, recordOf, stringMapOf, stringOf, type UnknownRecord } from '../../untyped-value.js';
import { phpCatalog } from './php-catalog.js';

const LINT_SCRIPTS = ['lint', 'cs', 'phpstan', 'analyse', 'stan'];

/** PHP projects: composer.json (with its scripts) and composer.lock. */
export const phpDetector: EcosystemDetector = {
  ecosystem: 'php',
  keepsFile: (name) =>
    name === 'composer.json' ||
    name === 'composer.lock' ||
    name === 'artisan' ||
    /^phpstan\.neon(\.dist)?$/.test(name),
  projectDirOf: (file) =>
    file === 'composer.json' || file.endsWith('/composer.json') ? dirnameRelative(file) : undefined,
  workspaceMembers: () => Promise.resolve([]),
  detect: detectComposerProject,
  classifyCommand: createCommandClassifier({
    install: ['composer install'],
    test: [
      'composer test',
      'composer run-script test',
      'composer run test',
      'vendor/bin/phpunit',
      './vendor/bin/phpunit',
      'php artisan test',
      'vendor/bin/pest',
      './vendor/bin/pest',
    ],
    lint: [
      'composer lint',
      'composer run-script lint',
      'vendor/bin/phpstan',
      './vendor/bin/phpstan',
      'vendor/bin/php-cs-fixer',
      'vendor/bin/phpcs',
      'vendor/bin/pint',
      'vendor/bin/psalm',
    ],
  }),
};

async function detectComposerProject(
  dir: string,
  _members: readonly string[],
  context: DetectionContext,
): Promise<EcosystemFindings | undefined> {
  const { index } = context;
  const file = joinRelative(dir, 'composer.json');
  const manifest = recordOf(await index.readParsed(file, 'json'));
  if (!manifest) return undefined;
  const lockFile = joinRelative(dir, 'composer.lock');
  const lock = index.has(lockFile) ? await index.readParsed(lockFile, 'json') : undefined;
  const dependencies = composerDependencies(manifest, lockedVersions(lock), { file, lockFile });
  const php =
    stringOf(pathOf(manifest, 'config', 'platform', 'php')) ?? stringOf(pathOf(manifest, 'require', 'php'));
  const findings = assembleFindings({
    ecosystem: 'php',
    language: 'php',
    languageVersion:
      (await readPinnedVersion(index, dir, 'php')) ?? (php ? { value: php, source: file } : null),
    packageManager: 'composer',
    dependencies,
    catalog: phpCatalog,
    ownCommands: {},
    defaultCommands: {},
    extra: { linters: index.filesIn(dir).some((name) => name.startsWith('phpstan.neon')) ? ['phpstan'] : [] },
  });
  findings.ownCommands = composerScripts(
    file,
    stringMapOf(manifest.scripts),
    recordOf(manifest.scripts) ?? {},
    lock ? lockFile : undefined,
  );
  findings.defaultCommands = composerDefaults(file, findings, index.has(joinRelative(dir, 'artisan')));
  return findings;
}

/** Composer lock versions, without the `v` many tags carry (`v6.4.1`). */
function lockedVersions(lock: unknown): Map<string, string> {
  const locked = new Map<string, string>();
  for (const entry of [...listOf(pathOf(lock, 'packages')), ...listOf(pathOf(lock, 'packages-dev'))]) {
    const name = stringOf(pathOf(entry, 'name'));
    const version = stringOf(pathOf(entry, 'version'));
    if (name && version) locked.set(name, version.replace(/^v(?=\d)/, ''));
  }
  return locked;
}

/** `require` and `require-dev` packages; `php` there is the interpreter constraint, not a package. */
function composerDependencies(
  manifest: UnknownRecord,
  locked: ReadonlyMap<string, string>,
  files: { file: string; lockFile: string },
): DeclaredDependency[] {
  return (['require', 'require-dev'] as const).flatMap((group) =>
    [...stringMapOf(manifest[group])]
      .filter(([name]) => name !== 'php')
      .map(([name, constraint]) => {
        const version = locked.get(name) ?? null;
        const source = version ? files.lockFile : files.file;
        return { name, constraint, version, source, dev: group === 'require-dev' };
      }),
  );
}

function composerScripts(
  file: string,
  scripts: ReadonlyMap<string, string>,
  all: Record<string, unknown>,
  lockFile: string | undefined,
): CommandSet {
  const commands: CommandSet = {};
  if (lockFile) commands.install = { run: 'composer install', source: lockFile };
  // Scripts may be one command or a list of them; either way `composer <name>` runs them.
  const has = (name: string): boolean => scripts.has(name) || Array.isArray(all[name]);
  if (has('test')) commands.test = { run: 'composer test', source: `${file} scripts.test` };
  const lint = LINT_SCRIPTS.find(has);
  if (lint) commands.lint = { run: `composer run-script ${lint}`, source: `${file} scripts.${lint}` };
  return commands;
}

function composerDefaults(file: string, findings: EcosystemFindings, artisan: boolean): CommandSet {
  const suggest = (run: string): ProjectCommand => ({ run, source: file, suggested: true });
  const tests = findings.testFrameworks;
  const laravel = artisan && findings.frameworks.some((framework) => framework.name === 'laravel');
  const test = laravel
    ? 'php artisan test'
    : tests.includes('pest')
      ? 'vendor/bin/pest'
      : tests.includes('phpunit')
        ? 'vendor/bin/phpunit'
        : undefined;
  const lintTools: Record<string, string> = {
    phpstan: 'vendor/bin/phpstan analyse',
    pint: 'vendor/bin/pint --test',
    'php-cs-fixer': 'vendor/bin/php-cs-fixer fix --dry-run --diff',
    phpcs: 'vendor/bin/phpcs',
    psalm: 'vendor/bin/psalm',
  };
  const lint = Object.keys(lintTools).find((tool) => findings.linters.includes(tool));
  return {
    install: suggest('composer install'),
    ...(test ? { test: suggest(test) } : {}),
    ...(lint ? { lint: suggest(lintTools[lint] ?? '') } : {}),
  };
}
