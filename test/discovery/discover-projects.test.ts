import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverProjects } from '../../src/discovery/discover-projects.js';

const scratch = await mkdtemp(path.join(tmpdir(), 'discover-projects-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));
let count = 0;

/** A small repository written from a map of paths to contents. */
async function repository(files: Record<string, string>): Promise<string> {
  const root = path.join(scratch, `repo-${count++}`);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

describe('discoverProjects', () => {
  it('never throws: a missing root becomes a warning', async () => {
    const result = await discoverProjects(path.join(scratch, 'does-not-exist'));
    expect(result.projects).toEqual([]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]?.message).toMatch(/^discovery failed: ENOENT/);
  });

  it('resolves versions from a Yarn 2+ lockfile and installs with --immutable', async () => {
    const root = await repository({
      'package.json': '{"name":"a","packageManager":"yarn@4.1.1","dependencies":{"koa":"^2.15.0"}}',
      'yarn.lock':
        '__metadata:\n  version: 8\n\n"koa@npm:^2.15.0":\n  version: 2.15.3\n  resolution: "koa@npm:2.15.3"\n',
    });
    const [project] = (await discoverProjects(root)).projects;
    expect(project?.frameworks).toEqual([
      { name: 'koa', version: '2.15.3', constraint: '^2.15.0', source: 'yarn.lock' },
    ]);
    expect(project?.commands.install).toEqual({ run: 'yarn install --immutable', source: 'yarn.lock' });
  });

  it('resolves versions from a text bun.lock, trailing commas and all', async () => {
    const root = await repository({
      'package.json': '{"name":"a","dependencies":{"hono":"^4.2.0"}}',
      'bun.lock':
        '{\n  "lockfileVersion": 1,\n  "packages": {\n    "hono": ["hono@4.2.7", "", {}, "sha512-x"],\n  },\n}\n',
    });
    const [project] = (await discoverProjects(root)).projects;
    expect(project?.packageManager).toBe('bun');
    expect(project?.frameworks).toEqual([
      { name: 'hono', version: '4.2.7', constraint: '^4.2.0', source: 'bun.lock' },
    ]);
    expect(project?.commands.install).toEqual({ run: 'bun install --frozen-lockfile', source: 'bun.lock' });
  });

  it('leaves out what the ignore globs and nested .gitignore files exclude', async () => {
    const root = await repository({
      'api/go.mod': 'module a\n\ngo 1.22\n',
      'docs/site/package.json': '{"name":"docs"}',
      'tools/.gitignore': 'generated/\n',
      'tools/generated/package.json': '{"name":"generated"}',
      'tools/cli/go.mod': 'module cli\n\ngo 1.22\n',
    });
    const result = await discoverProjects(root, { ignore: ['docs/**'] });
    expect(result.projects.map((project) => project.path)).toEqual(['api', 'tools/cli']);
  });

  it('takes a workflow step that runs in the project directory over the ecosystem default', async () => {
    const root = await repository({
      'api/requirements.txt': 'flask==3.0.3\npytest==8.1.1\n',
      '.github/workflows/ci.yml':
        'jobs:\n  api:\n    defaults:\n      run:\n        working-directory: ./api\n    steps:\n      - run: |\n          pip install -r requirements.txt\n          python -m pytest -x\n      - run: pytest ${{ matrix.args }}\n',
    });
    const [project] = (await discoverProjects(root)).projects;
    expect(project?.commands.test).toEqual({
      run: 'python -m pytest -x',
      source: '.github/workflows/ci.yml jobs.api',
    });
    expect(project?.commands.install).toEqual({
      run: 'pip install -r requirements.txt',
      source: 'api/requirements.txt',
    });
  });

  it('lets a config override replace a command and add a project discovery did not find', async () => {
    const root = await repository({ 'go.mod': 'module a\n\ngo 1.22\n' });
    const result = await discoverProjects(root, {
      overrides: [
        { path: './', test: 'go test -short ./...' },
        { path: 'scripts/', lint: 'shellcheck *.sh' },
      ],
    });
    expect(
      result.projects.map((project) => [project.path, project.commands.test ?? project.commands.lint]),
    ).toEqual([
      ['.', { run: 'go test -short ./...', source: 'config' }],
      ['scripts', { run: 'shellcheck *.sh', source: 'config' }],
    ]);
  });

  it('names the Go linter config and the Makefile targets when they exist', async () => {
    const root = await repository({
      'go.mod': 'module a\n\ngo 1.22\n',
      '.golangci.yaml': 'run: {}\n',
      justfile: 'set shell := ["bash", "-c"]\n\nlint:\n    golangci-lint run\n',
    });
    const [project] = (await discoverProjects(root)).projects;
    expect(project?.linters).toEqual(['golangci-lint']);
    expect(project?.commands.lint).toEqual({ run: 'just lint', source: 'justfile recipe lint' });
    expect(project?.commands.test).toEqual({ run: 'go test ./...', source: 'go.mod', suggested: true });
  });

  it('keeps the modules of a go.work separate, each with its own commands', async () => {
    const root = await repository({
      'go.work': 'go 1.22\n\nuse (\n\t./api\n\t./worker\n)\n',
      'api/go.mod': 'module api\n\ngo 1.22\n',
      'worker/go.mod': 'module worker\n\ngo 1.22\n',
    });
    expect((await discoverProjects(root)).projects.map((project) => project.path)).toEqual(['api', 'worker']);
  });

  it('folds a Maven module without tests or framework into its build with the parent pom versions; a Gradle subproject with a framework stands', async () => {
    const parent =
      '<project><groupId>g</groupId><artifactId>parent</artifactId><version>1</version><properties><pg.version>42.7.3</pg.version></properties>' +
      '<dependencyManagement><dependencies><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>${pg.version}</version></dependency></dependencies></dependencyManagement>' +
      '<modules><module>app</module></modules></project>';
    const root = await repository({
      'billing/pom.xml': parent,
      'billing/app/pom.xml':
        '<project><parent><groupId>g</groupId><artifactId>parent</artifactId><version>1</version></parent><artifactId>app</artifactId><dependencies><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency></dependencies></project>',
      'shipping/settings.gradle.kts': 'include(":api")\n',
      'shipping/api/build.gradle.kts': 'plugins {\n  id("io.micronaut.application") version "4.3.7"\n}\n',
    });
    const projects = (await discoverProjects(root)).projects;
    expect(
      projects.map((project) => [
        project.path,
        project.packageManager,
        project.frameworks.map((f) => f.name),
      ]),
    ).toEqual([
      ['billing', 'maven', []],
      ['shipping/api', 'gradle', ['micronaut']],
    ]);
    expect(projects[1]?.workspace).toBe('shipping');
    expect(projects[0]?.dependencies).toEqual([{ name: 'org.postgresql:postgresql', version: '42.7.3' }]);
    expect(projects[0]?.databases).toEqual(['postgresql']);
  });

  it('reads a JDK from .sdkmanrc, a legacy TOML rust-toolchain and skips a `system` pin for the next one', async () => {
    const root = await repository({
      'jvm/.sdkmanrc': '# sdk env\njava=21.0.2-tem\n',
      'jvm/build.gradle':
        "plugins { id 'java' }\njava { toolchain { languageVersion = JavaLanguageVersion.of(17) } }\n",
      'jvm/src/test/java/AppTest.java': 'class AppTest {}\n',
      'crate/rust-toolchain': '[toolchain]\nchannel = "nightly-2024-05-01"\n',
      'crate/Cargo.toml': '[package]\nname = "crate"\nversion = "0.1.0"\n',
      'crate/src/lib.rs': '',
      'tool/.tool-versions': 'python system\n',
      '.python-version': '3.12.3\n',
      'tool/pyproject.toml': '[project]\nname = "tool"\nrequires-python = ">=3.10"\n',
      'tool/tests/test_tool.py': '',
    });
    const versions = (await discoverProjects(root)).projects.map((project) => [
      project.path,
      project.languageVersion,
    ]);
    expect(versions).toEqual([
      ['crate', { value: 'nightly-2024-05-01', source: 'crate/rust-toolchain' }],
      ['jvm', { value: '21.0.2', source: 'jvm/.sdkmanrc' }],
      ['tool', { value: '3.12.3', source: '.python-version' }],
    ]);
  });

  it('leaves the actions kept in .github out of the projects', async () => {
    const root = await repository({
      '.github/actions/setup/package.json': '{"name":"setup-action"}',
      '.github/workflows/ci.yml': 'jobs: {}\n',
      'go.mod': 'module a\n\ngo 1.22\n',
    });
    expect((await discoverProjects(root)).projects.map((project) => project.path)).toEqual(['.']);
  });

  it('leaves manifests under test fixtures, examples and docs out, unless the config lists them', async () => {
    const root = await repository({
      'composer.json': '{"require":{"laravel/framework":"^11.0"}}',
      'tests/Plugin/Fixtures/app/composer.json': '{"require":{"symfony/framework-bundle":"^7.0"}}',
      'examples/todo/package.json': '{"dependencies":{"express":"^4.19.0"}}',
      'docs/requirements.txt': 'mkdocs==1.6.0\n',
    });
    const paths = async (options = {}) =>
      (await discoverProjects(root, options)).projects.map((project) => project.path);
    expect(await paths()).toEqual(['.']);
    expect(await paths({ overrides: [{ path: 'examples/todo', test: 'npm test' }] })).toEqual([
      '.',
      'examples/todo',
    ]);
  });

  it('writes a member install for the workspace root and scoped tests, whatever the package manager', async () => {
    const root = await repository({
      'package.json': '{"private":true,"workspaces":["services/*"],"packageManager":"pnpm@9.1.0"}',
      'pnpm-workspace.yaml': 'packages:\n  - services/*\n',
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
      'services/api/package.json': '{"name":"@acme/api","scripts":{"test":"vitest run","lint":"eslint ."}}',
      'services/lib/package.json': '{"name":"@acme/lib"}',
    });
    const [api, ...others] = (await discoverProjects(root)).projects;
    expect(others).toEqual([]);
    expect(api?.path).toBe('services/api');
    expect(api?.workspace).toBe('.');
    expect(api?.commands).toEqual({
      install: { run: 'pnpm install --frozen-lockfile', source: 'pnpm-lock.yaml' },
      test: { run: 'pnpm --filter @acme/api test', source: 'services/api/package.json scripts.test' },
      lint: { run: 'pnpm --filter @acme/api lint', source: 'services/api/package.json scripts.lint' },
    });
  });
});
