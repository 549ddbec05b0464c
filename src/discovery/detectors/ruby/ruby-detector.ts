import { assembleFindings } from '../../assemble-findings.js';
import { createCommandClassifier } from '../../command-classifier.js';
import type { CommandSet, DetectionContext, EcosystemDetector, EcosystemFindings } from '../../detector.js';
import { readVersionFile } from '../../read-version-file.js';
import { dirnameRelative, joinRelative } from '../../repository-index.js';
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
  const file = index.has(joinRelative(dir, 'Gemfile'))
    ? joinRelative(dir, 'Gemfile')
    : joinRelative(dir, 'gems.rb');
  const text = await index.readText(file);
  if (text === undefined) return undefined;
  const gemfile = readGemfile(text);
  const lockFile = `${file === joinRelative(dir, 'gems.rb') ? joinRelative(dir, 'gems.locked') : joinRelative(dir, 'Gemfile.lock')}`;
  const lockText = index.has(lockFile) ? await index.readText(lockFile) : undefined;
  const lock = lockText === undefined ? undefined : readGemfileLock(lockText);
  const dependencies = gemfile.gems.map((gem) => {
    const version = lock?.versions.get(gem.name) ?? null;
    return {
      name: gem.name,
      constraint: gem.constraint,
      version,
      source: version ? lockFile : file,
      dev: gem.dev,
    };
  });
  const rubyVersion =
    (await readVersionFile(index, dir, { files: ['.ruby-version'], toolVersionsName: 'ruby' })) ??
    (gemfile.ruby
      ? { value: gemfile.ruby, source: file }
      : lock?.ruby
        ? { value: lock.ruby, source: lockFile }
        : null);
  const findings = assembleFindings({
    ecosystem: 'ruby',
    language: 'ruby',
    languageVersion: rubyVersion,
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
  findings.defaultCommands = rubyDefaults(
    file,
    findings.testFrameworks,
    findings.linters,
    findings.frameworks.some((f) => f.name === 'rails'),
  );
  return findings;
}

function rubyDefaults(
  file: string,
  tests: readonly string[],
  linters: readonly string[],
  rails: boolean,
): CommandSet {
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
