import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverProjects } from '../../src/discovery/discover-projects.js';
import type { DiscoveryResult } from '../../src/discovery/project.js';

const run = promisify(execFile);
const repository = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(repository, 'test/fixtures/discovery');
const cli = path.join(repository, 'dist/cli.js');
const scratch = await mkdtemp(path.join(tmpdir(), 'discovery-fixtures-'));

afterAll(() => rm(scratch, { recursive: true, force: true }));

interface FixtureCase {
  fixture: string;
  /** What the case shows, as the end of a sentence. */
  shows: string;
  /** Things git cannot hold (node_modules, .git, symlinks), made in the copy at test time. */
  prepare?: (dir: string) => Promise<void>;
}

const cases: FixtureCase[] = [
  {
    fixture: 'node-pnpm-workspace',
    shows:
      'makes a pnpm workspace member with tests a project, installed at the root and tested with --filter',
  },
  {
    fixture: 'node-turborepo',
    shows: 'tests a Turborepo member through turbo with --filter when turbo.json has the task',
  },
  {
    fixture: 'workspace-npm',
    shows: 'makes an npm workspace member a project and leaves out a library without tests',
  },
  {
    fixture: 'workspace-yarn',
    shows: 'makes Yarn workspace members with tests or a Dockerfile projects, scoped with yarn workspace',
  },
  {
    fixture: 'workspace-bun',
    shows: 'makes a Bun workspace member a project, scoped with bun run --filter',
  },
  {
    fixture: 'workspace-nx',
    shows: 'makes an Nx project with a Jest configuration a project, tested with nx test',
  },
  {
    fixture: 'workspace-poetry',
    shows: 'makes members of a Poetry path-dependency workspace projects, run in the root environment',
  },
  {
    fixture: 'workspace-cargo',
    shows: 'makes Cargo members with their own Dockerfile projects, tested with cargo test -p',
  },
  {
    fixture: 'workspace-go-work',
    shows: 'makes every module of a go.work a project of the workspace, ignoring // indirect stores',
  },
  {
    fixture: 'workspace-gradle',
    shows: 'makes Gradle subprojects projects, with plugin versions from the version catalog',
  },
  {
    fixture: 'workspace-maven',
    shows: 'makes Maven modules projects and keeps a reactor of chained modules one project',
  },
  {
    fixture: 'workspace-dotnet-slnx',
    shows: 'makes the web, worker and test projects of a .slnx solution projects, libraries folded in',
  },
  {
    fixture: 'workspace-mix-umbrella',
    shows: 'makes the apps of a mix umbrella projects sharing the umbrella lock',
  },
  {
    fixture: 'two-ecosystems-one-path',
    shows: 'keeps two ecosystems at one path as two projects and folds a tooling-only package.json',
  },
  {
    fixture: 'two-lockfiles',
    shows: 'picks one package manager when two lockfiles are committed and ignores the placeholder test',
  },
  {
    fixture: 'python-requirements-include',
    shows: 'reads requirements pulled in with -r and takes commands from the workflow',
  },
  {
    fixture: 'uv-workspace',
    shows: 'makes a uv workspace member a project, installed at the root and run with uv run --package',
  },
  {
    fixture: 'go-entry-not-main',
    shows: 'finds a Go module whose entry file is not main.go and an old jinzhu/gorm import',
  },
  {
    fixture: 'maven-and-gradle',
    shows: 'reports one Java project when Maven and Gradle builds sit side by side',
  },
  { fixture: 'compose-services', shows: 'links compose.yml data stores to the services that depend on them' },
  {
    fixture: 'malformed-manifest',
    shows:
      'names every malformed manifest, lockfile, compose and workflow file with its line (an undefined XML entity too) and goes on with the other projects',
  },
  {
    fixture: 'dotnet-central-versions',
    shows:
      'takes package versions from Directory.Packages.props; the web and test projects of a .sln stand apart',
  },
  {
    fixture: 'rust-workspace',
    shows: 'keeps a Cargo workspace without member Dockerfiles one project, resolved against Cargo.lock',
  },
  {
    fixture: 'version-pins',
    shows:
      'takes language versions from pins (.nvmrc, .python-version, rust-toolchain.toml, global.json, mise, .tool-versions, .go-version) before constraints, and constraints before Dockerfile tags',
  },
  {
    fixture: 'databases-from-config',
    shows:
      'takes data stores from configuration defaults (.env.example, .env.dist, .env.testing, phpunit.xml(.dist), config/database.yml, Django settings, SQLAlchemy URLs, Spring datasources), never from comments or test settings',
  },
  { fixture: 'ruby-rails', shows: 'reads a Rails app from its Gemfile and Gemfile.lock' },
  { fixture: 'php-laravel', shows: 'reads a Laravel app and its composer scripts' },
  { fixture: 'elixir-phoenix', shows: 'reads a Phoenix app, its mix aliases and mix.lock' },
  {
    fixture: 'polyglot-monorepo',
    shows: 'keeps services in five languages separate and applies the config file',
  },
  {
    fixture: 'vendored-tree',
    shows: 'skips vendored, installed and git-ignored trees',
    prepare: addInstalledTrees,
  },
  {
    fixture: 'symlink-loop',
    shows: 'survives symlink loops and never follows a link out of the root',
    prepare: addSymlinks,
  },
];

describe('discoverProjects on fixture repositories', () => {
  for (const { fixture, shows, prepare } of cases) {
    it(`${shows} (${fixture})`, async () => {
      const dir = await copyFixture(fixture, 'direct', prepare);
      const result = await discoverProjects(dir, configOf(fixture));
      await expect(printable(result, dir)).toMatchFileSnapshot(expectedFile(fixture));
    });
  }
});

describe('backend-developer discover --json on fixture repositories', () => {
  for (const { fixture, shows, prepare } of cases) {
    it(`prints the same JSON as the library: ${shows} (${fixture})`, async () => {
      expect(existsSync(cli), 'dist/cli.js is missing: run `npm run build` first').toBe(true);
      const dir = await copyFixture(fixture, 'cli', prepare);
      const { stdout } = await run(process.execPath, [cli, 'discover', '--json', dir], {
        maxBuffer: 16 * 1024 * 1024,
      });
      await expect(printable(JSON.parse(stdout) as DiscoveryResult, dir)).toMatchFileSnapshot(
        expectedFile(fixture),
      );
    });
  }
});

/** The options the CLI reads from a fixture's .github/backend-developer.yml, passed directly. */
function configOf(fixture: string): Parameters<typeof discoverProjects>[1] {
  if (fixture !== 'polyglot-monorepo') return {};
  return {
    ignore: ['docs/**'],
    overrides: [
      { path: 'services/search', test: 'poetry run pytest -m "not slow"' },
      { path: 'tools/migrator', test: 'make check' },
    ],
  };
}

function expectedFile(fixture: string): string {
  return path.join(fixtures, 'expected', `${fixture}.json`);
}

/** The result as the JSON a user sees, with the temporary root replaced by `<root>`. */
function printable(result: DiscoveryResult, dir: string): string {
  expect(result.root).toBe(dir);
  return `${JSON.stringify({ ...result, root: '<root>' }, null, 2)}\n`;
}

async function copyFixture(
  fixture: string,
  variant: string,
  prepare?: (dir: string) => Promise<void>,
): Promise<string> {
  const dir = path.join(scratch, `${fixture}-${variant}`);
  await cp(path.join(fixtures, fixture), dir, { recursive: true });
  await prepare?.(dir);
  return dir;
}

/** An installed node_modules of a few thousand files, a git-ignored third_party tree, a .git directory and a Python virtualenv. */
async function addInstalledTrees(dir: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const pkg = path.join(dir, 'node_modules', `pkg-${i}`, 'lib');
    await mkdir(pkg, { recursive: true });
    await writeFile(
      path.join(dir, 'node_modules', `pkg-${i}`, 'package.json'),
      `{"name":"pkg-${i}","dependencies":{"express":"4.0.0"}}`,
    );
    await Promise.all(Array.from({ length: 10 }, (_, j) => writeFile(path.join(pkg, `file-${j}.js`), '')));
  }
  // The fixture's .gitignore leaves out /third_party/, so git would not keep it in the fixture either.
  await mkdir(path.join(dir, 'third_party', 'lib'), { recursive: true });
  await writeFile(
    path.join(dir, 'third_party', 'lib', 'package.json'),
    '{"name":"third-party","dependencies":{"koa":"2.0.0"}}',
  );
  await mkdir(path.join(dir, '.git', 'hooks'), { recursive: true });
  await writeFile(path.join(dir, '.git', 'hooks', 'package.json'), '{"name":"hooks"}');
  await mkdir(path.join(dir, 'tools', 'env', 'lib'), { recursive: true });
  await writeFile(path.join(dir, 'tools', 'env', 'pyvenv.cfg'), 'home = /usr/bin\n');
  await writeFile(path.join(dir, 'tools', 'env', 'lib', 'requirements.txt'), 'django==5.0\n');
}

/** Links that loop (to an ancestor, to themselves, to each other), lead out of the root, or point at a file inside it. */
async function addSymlinks(dir: string): Promise<void> {
  const outside = path.join(scratch, `outside-${path.basename(dir)}`);
  await mkdir(outside, { recursive: true });
  await writeFile(
    path.join(outside, 'package.json'),
    '{"name":"outside","dependencies":{"express":"4.0.0"}}',
  );
  await writeFile(path.join(outside, 'Dockerfile'), 'FROM postgres:16\n');
  await symlink('..', path.join(dir, 'services', 'api', 'parent'));
  await symlink('self', path.join(dir, 'self'));
  await symlink('loop-b', path.join(dir, 'loop-a'));
  await symlink('loop-a', path.join(dir, 'loop-b'));
  await symlink(outside, path.join(dir, 'services', 'outside'));
  await symlink(path.join(outside, 'Dockerfile'), path.join(dir, 'services', 'api', 'Dockerfile'));
  await symlink('../../.nvmrc', path.join(dir, 'services', 'api', '.nvmrc'));
}
