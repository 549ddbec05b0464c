import { describe, expect, it } from 'vitest';
import { readDockerfileImages } from '../../src/discovery/containers/read-dockerfile-images.js';
import {
  languageVersionOfImage,
  parseImageReference,
  storeOfImage,
} from '../../src/discovery/containers/container-image.js';
import { readPrismaProviders } from '../../src/discovery/containers/read-prisma-providers.js';
import { isPlaceholderScript } from '../../src/discovery/detectors/node/node-commands.js';
import { readGoMod, readGoWorkUses } from '../../src/discovery/detectors/go/read-go-mod.js';
import { readGradleBuild, readGradleIncludes } from '../../src/discovery/detectors/jvm/read-gradle-build.js';
import { parseRequirement } from '../../src/discovery/detectors/python/parse-requirement.js';
import { readGemfile, readGemfileLock } from '../../src/discovery/detectors/ruby/read-gemfile.js';
import { readMixLock, readMixProject } from '../../src/discovery/detectors/elixir/read-mix-project.js';
import { selectYamlSections } from '../../src/discovery/select-yaml-sections.js';

describe('line-oriented readers of formats without a maintained parser', () => {
  it('reads go.mod directives, require blocks and indirect markers', () => {
    const mod = readGoMod(
      'module example.com/a\n\ngo 1.21\ntoolchain go1.22.3\n\nrequire github.com/lib/pq v1.10.9 // indirect\nrequire (\n\tgithub.com/gin-gonic/gin v1.9.1\n)\n',
    );
    expect(mod).toEqual({
      module: 'example.com/a',
      goVersion: '1.21',
      toolchain: '1.22.3',
      requires: [
        { path: 'github.com/lib/pq', version: 'v1.10.9', indirect: true },
        { path: 'github.com/gin-gonic/gin', version: 'v1.9.1', indirect: false },
      ],
    });
    expect(readGoWorkUses('go 1.22\n\nuse (\n\t./api\n\t./worker // jobs\n)\nuse ./tools\n')).toEqual([
      './api',
      './worker',
      './tools',
    ]);
  });

  it('reads PEP 508 requirements with extras, markers and direct URLs', () => {
    expect(parseRequirement('Celery[redis,sqs] >=5.3, <6 ; python_version >= "3.8"')).toEqual({
      name: 'celery',
      extras: ['redis', 'sqs'],
      constraint: '>=5.3,<6',
    });
    expect(parseRequirement('my_pkg @ https://example.com/p.whl')).toEqual({
      name: 'my-pkg',
      extras: [],
      constraint: null,
    });
    expect(parseRequirement('-e .')).toBeUndefined();
  });

  it('reads Gemfile gems with their groups, and resolved versions from Gemfile.lock', () => {
    const gemfile = readGemfile(
      'source "https://rubygems.org"\nruby "3.3.0"\ngem "rails", "~> 7.1", ">= 7.1.2"\ngem "rspec", group: [:development, :test]\ngroup :test do\n  gem "capybara"\nend\ngem "pg"\n',
    );
    expect(gemfile).toEqual({
      ruby: '3.3.0',
      gems: [
        { name: 'rails', constraint: '~> 7.1, >= 7.1.2', dev: false },
        { name: 'rspec', constraint: null, dev: true },
        { name: 'capybara', constraint: null, dev: true },
        { name: 'pg', constraint: null, dev: false },
      ],
    });
    const lock = readGemfileLock(
      'GEM\n  specs:\n    nokogiri (1.16.4-x86_64-linux)\n      racc (~> 1.4)\n    rails (7.1.3)\n\nRUBY VERSION\n   ruby 3.3.0p0\n',
    );
    expect(lock).toEqual({
      versions: new Map([
        ['nokogiri', '1.16.4'],
        ['rails', '7.1.3'],
      ]),
      ruby: '3.3.0',
    });
  });

  it('reads Gradle plugins, dependencies, variables and toolchains in both DSLs', () => {
    const build = readGradleBuild(
      'plugins {\n  kotlin("jvm") version "1.9.23"\n  id("org.springframework.boot") version "3.2.5"\n  alias(libs.plugins.ktlint)\n}\nval exposedVersion = "0.49.0"\ndependencies {\n  implementation("org.jetbrains.exposed:exposed-core:$exposedVersion")\n  implementation(libs.postgresql)\n  testImplementation group: "io.kotest", name: "kotest-runner-junit5", version: "5.8.1"\n}\nkotlin { jvmToolchain(21) }\n',
    );
    expect(build.plugins).toEqual([
      { id: 'org.jetbrains.kotlin.jvm', version: '1.9.23' },
      { id: 'org.springframework.boot', version: '3.2.5' },
    ]);
    expect(build.pluginAliases).toEqual(['ktlint']);
    expect(build.dependencies).toEqual([
      { coordinate: 'org.jetbrains.exposed:exposed-core:$exposedVersion', dev: false },
      { coordinate: 'io.kotest:kotest-runner-junit5:5.8.1', dev: true },
    ]);
    expect(build.libraryAliases).toEqual([{ alias: 'postgresql', dev: false }]);
    expect(build.variables.get('exposedVersion')).toBe('0.49.0');
    expect(build.javaVersion).toBe('21');
    expect(
      readGradleIncludes("include ':services:api', 'worker'\ninclude(\"lib\")\nincludeBuild('../tools')\n"),
    ).toEqual(['services/api', 'worker', 'lib']);
  });

  it('reads mix.exs dependencies, umbrella path and aliases, and mix.lock versions', () => {
    const project = readMixProject(
      'def project do\n  [elixir: "~> 1.15", apps_path: "apps", deps: deps()]\nend\ndefp deps do\n  [{:phoenix, "~> 1.7"}, {:credo, "~> 1.7", only: [:dev, :test]}, {:shared, in_umbrella: true}]\nend\ndefp aliases do\n  [test: ["ecto.create", "test"], "ecto.setup": ["ecto.create"]]\nend\n',
    );
    expect(project.elixir).toBe('~> 1.15');
    expect(project.appsPath).toBe('apps');
    expect(project.deps).toEqual([
      { name: 'phoenix', constraint: '~> 1.7', dev: false },
      { name: 'credo', constraint: '~> 1.7', dev: true },
    ]);
    expect(
      readMixLock('%{\n  "phoenix": {:hex, :phoenix, "1.7.12", "abc", [:mix], [], "hexpm", "def"},\n}'),
    ).toEqual(new Map([['phoenix', '1.7.12']]));
  });

  it('reads Dockerfile base images with ARG defaults, skipping stages and scratch', () => {
    const images = readDockerfileImages(
      'ARG PY=3.12\nFROM --platform=$BUILDPLATFORM python:${PY}-slim AS build\nFROM build AS test\nFROM scratch\nFROM \\\n  postgres:16@sha256:abc\n',
    );
    expect(images).toEqual([
      { name: 'python', tag: '3.12-slim' },
      { name: 'postgres', tag: '16' },
    ]);
    expect(storeOfImage(parseImageReference('mcr.microsoft.com/mssql/server:2022-latest'))).toBe('sqlserver');
    expect(storeOfImage(parseImageReference('bitnami/postgresql:16'))).toBe('postgresql');
    expect(storeOfImage(parseImageReference('node:20'))).toBeUndefined();
    expect(
      languageVersionOfImage(parseImageReference('docker.io/library/node:20.11-alpine'), 'typescript'),
    ).toBe('20.11');
  });

  it('reads Prisma datasource providers and ignores generators', () => {
    expect(
      readPrismaProviders(
        'generator client {\n  provider = "prisma-client-js"\n}\ndatasource db {\n  provider = "mysql" // PlanetScale\n}\n',
      ),
    ).toEqual(['mysql']);
  });

  it("treats npm init's test script, and nothing else, as a placeholder", () => {
    expect(isPlaceholderScript('echo "Error: no test specified" && exit 1')).toBe(true);
    expect(isPlaceholderScript('exit 1')).toBe(true);
    expect(isPlaceholderScript('vitest run')).toBe(false);
  });

  it('keeps only the named top-level YAML sections, blanking the rest line for line', () => {
    expect(
      selectYamlSections(
        'lockfileVersion: 9\nimporters:\n  .: {}\npackages:\n  a@1: {}\n',
        new Set(['importers']),
      ),
    ).toBe('\nimporters:\n  .: {}\n\n\n');
  });
});
