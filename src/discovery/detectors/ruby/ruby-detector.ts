import { assembleFindings } from '../../assemble-findings.js';
import { createCommandClassifier } from '../../command-classifier.js';
import type { CommandSet, DetectionContext, EcosystemDetector, EcosystemFindings } from '../../detector.js';
import { readPinnedVersion } from '../../read-version-file.js';
import type { SourcedValue } from '../../project.js';
import { dirnameRelative, joinRelative, type RepositoryIndex } from '../../repository-index.js';
import { readGemfile, readGemfileLock } from './read-gemfile.js';
import { rubyCatalog } from './ruby-catalog.js';

/** Ruby projects: Gemfile, Gemfile.lock, .ruby-version. */
export const rubyDetector: EcosystemDetector = {
  ecosystem: 'ruby',
  keepsFile: (name) =>
    name === 'Gemfile' ||
    name === 'Gemfile.lock' ||
    name === 'gems.rb' ||
    name === 'gems.locked' ||
    name === '.rubocop.yml' ||
    name === '.rspec',
  projectDirOf: (file) => (/(^|\/)(Gemfile|gems\.rb)$/.test(file) ? dirnameRelative(file) : undefined),
  workspaceMembers: () => Promise.resolve([]),
  detect: detectRubyProject,
  classifyCommand: createCommandClassifier({
    install: ['bundle install', 'bundle $'],
    test: [
      'bundle exec rspec',
      'rspec',
      'bin/rspec',
      'bin/rails test',
      'bundle exec rails test',
      'rails test',
      'bundle exec rake test',
      'bundle exec rake $',
      'rake test',
      'bundle exec rake spec',
    ],
    lint: ['bundle exec rubocop', 'rubocop', 'bin/rubocop', 'bundle exec standardrb', 'standardrb'],
  }),
};

async function detectRubyProject(
  dir: string,
  _members: readonly string[],
  context: DetectionContext,
): Promise<EcosystemFindings | undefined> {
  const { index } = context;
  // Bundler reads gems.rb/gems.locked when there is no Gemfile.
  const modern = !index.has(joinRelative(dir, 'Gemfile'));
  const file = joinRelative(dir, modern ? 'gems.rb' : 'Gemfile');
  const lockFile = joinRelative(dir, modern ? 'gems.locked' : 'Gemfile.lock');
  const text = await index.readText(file);
  if (text === undefined) return undefined;
  const gemfile = readGemfile(text);
  const lockText = index.has(lockFile) ? await index.readText(lockFile) : undefined;
  const lock = lockText === undefined ? undefined : readGemfileLock(lockText);
  const dependencies = gemfile.gems.map(({ name, constraint, dev }) => {
    const version = lock?.versions.get(name) ?? null;
    return { name, constraint, version, source: version ? lockFile : file, dev };
  });
  const findings = assembleFindings({
    ecosystem: 'ruby',
    language: 'ruby',
    languageVersion: await rubyVersion(index, dir, {
      declared: gemfile.ruby ? { value: gemfile.ruby, source: file } : undefined,
      locked: lock?.ruby ? { value: lock.ruby, source: lockFile } : undefined,
    }),
    packageManager: 'bundler',
    dependencies,
    catalog: rubyCatalog,
    ownCommands: lock ? { install: { run: 'bundle install', source: lockFile } } : {},
    defaultCommands: {},
    extra: {
      linters: index.has(joinRelative(dir, '.rubocop.yml')) ? ['rubocop'] : [],
      testFrameworks: index.has(joinRelative(dir, '.rspec')) ? ['rspec'] : [],
    },
  });
  findings.defaultCommands = rubyDefaults(file, findings);
  return findings;
}

/** A version file pins the interpreter; the Gemfile's `ruby` line comes next, then the lock's `RUBY VERSION`. */
async function rubyVersion(
  index: RepositoryIndex,
  dir: string,
  manifests: { declared: SourcedValue | undefined; locked: SourcedValue | undefined },
): Promise<SourcedValue | null> {
  return (await readPinnedVersion(index, dir, 'ruby')) ?? manifests.declared ?? manifests.locked ?? null;
}

function rubyDefaults(file: string, findings: EcosystemFindings): CommandSet {
  const tests = findings.testFrameworks;
  const linters = findings.linters;
  const rails = findings.frameworks.some((framework) => framework.name === 'rails');
  const suggest = (run: string) => ({ run, source: file, suggested: true });
  const test = tests.includes('rspec')
    ? 'bundle exec rspec'
    : rails
      ? 'bin/rails test'
      : 'bundle exec rake test';
  const lint = linters.includes('rubocop')
    ? 'bundle exec rubocop'
    : linters.includes('standard')
      ? 'bundle exec standardrb'
      : undefined;
  return {
    install: suggest('bundle install'),
    test: suggest(test),
    ...(lint ? { lint: suggest(lint) } : {}),
  };
}
