// Writes a synthetic monorepo for the discovery benchmark: 300 projects across the
// ecosystems discovery knows, with the trees real checkouts carry (node_modules,
// vendor/, virtualenvs, build outputs, .git) for about 100,000 files in all.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const KINDS = [
  'npm',
  'pnpm',
  'uv',
  'pip',
  'go',
  'maven',
  'gradle',
  'cargo',
  'bundler',
  'composer',
  'dotnet',
  'mix',
];
const PROJECTS_PER_KIND = 25;

let files = 0;
function write(file, text = '') {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  files++;
}

function sourceTree(dir, extension, count = 96) {
  for (let i = 0; i < count; i++)
    write(path.join(dir, `module-${i % 12}`, `file-${i}.${extension}`), `// ${i}\n`);
}

const writers = {
  npm(dir, n) {
    const deps = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`lib-${i}`, `^1.${i}.0`]));
    write(
      path.join(dir, 'package.json'),
      JSON.stringify(
        {
          name: `svc-${n}`,
          scripts: { test: 'jest', lint: 'eslint .' },
          dependencies: { express: '^4.18.2', pg: '^8.11.0', ...deps },
          devDependencies: { jest: '^29.7.0', eslint: '^8.57.0' },
        },
        null,
        2,
      ),
    );
    const packages = { '': { name: `svc-${n}` } };
    for (let i = 0; i < 600; i++)
      packages[`node_modules/lib-${i}`] = {
        version: `1.${i}.3`,
        resolved: `https://registry.npmjs.org/lib-${i}/-/lib-${i}-1.${i}.3.tgz`,
        integrity: 'sha512-AAAA',
      };
    packages['node_modules/express'] = { version: '4.19.2' };
    write(
      path.join(dir, 'package-lock.json'),
      JSON.stringify({ name: `svc-${n}`, lockfileVersion: 3, packages }, null, 2),
    );
    for (let i = 0; i < 600; i++) {
      write(
        path.join(dir, 'node_modules', `lib-${i}`, 'package.json'),
        `{"name":"lib-${i}","version":"1.${i}.3"}`,
      );
      write(path.join(dir, 'node_modules', `lib-${i}`, 'index.js'), 'module.exports = {};\n');
    }
    write(path.join(dir, 'Dockerfile'), 'FROM node:20-alpine\n');
    sourceTree(path.join(dir, 'src'), 'js');
  },
  pnpm(dir, n) {
    write(
      path.join(dir, 'package.json'),
      JSON.stringify(
        {
          name: `svc-${n}`,
          packageManager: 'pnpm@9.1.0',
          scripts: { test: 'vitest run' },
          dependencies: { '@nestjs/core': '^10.3.0', ioredis: '^5.3.2' },
          devDependencies: { vitest: '^1.6.0', typescript: '^5.4.0' },
        },
        null,
        2,
      ),
    );
    const importer = {
      dependencies: {
        '@nestjs/core': { specifier: '^10.3.0', version: '10.3.8' },
        ioredis: { specifier: '^5.3.2', version: '5.4.1' },
      },
    };
    const packages = Array.from(
      { length: 400 },
      (_, i) => `  lib-${i}@1.${i}.0:\n    resolution: {integrity: sha512-AAAA}\n`,
    ).join('\n');
    write(
      path.join(dir, 'pnpm-lock.yaml'),
      `lockfileVersion: '9.0'\n\nimporters:\n  .:\n    dependencies:\n${Object.entries(importer.dependencies)
        .map(([k, v]) => `      '${k}':\n        specifier: ${v.specifier}\n        version: ${v.version}\n`)
        .join('')}\npackages:\n\n${packages}`,
    );
    write(path.join(dir, 'tsconfig.json'), '{}');
    sourceTree(path.join(dir, 'src'), 'ts');
  },
  uv(dir, n) {
    write(
      path.join(dir, 'pyproject.toml'),
      `[project]\nname = "svc-${n}"\nversion = "0.1.0"\nrequires-python = ">=3.12"\ndependencies = ["fastapi>=0.110", "sqlalchemy>=2.0", "asyncpg>=0.29"]\n\n[tool.uv]\ndev-dependencies = ["pytest>=8"]\n`,
    );
    write(
      path.join(dir, 'uv.lock'),
      `version = 1\n\n${Array.from({ length: 100 }, (_, i) => `[[package]]\nname = "lib-${i}"\nversion = "1.${i}.0"\n`).join('\n')}\n[[package]]\nname = "fastapi"\nversion = "0.110.1"\n`,
    );
    for (let i = 0; i < 200; i++)
      write(path.join(dir, '.venv', 'lib', 'python3.12', 'site-packages', `lib_${i}`, '__init__.py'));
    write(path.join(dir, '.venv', 'pyvenv.cfg'), 'home = /usr/bin\n');
    sourceTree(path.join(dir, 'app'), 'py');
  },
  pip(dir, n) {
    write(path.join(dir, 'requirements.txt'), '-r requirements/base.txt\n');
    write(
      path.join(dir, 'requirements', 'base.txt'),
      'Django==5.0.4\npsycopg2-binary==2.9.9\ncelery[redis]==5.3.6\n',
    );
    write(path.join(dir, 'requirements', 'dev.txt'), '-r base.txt\npytest==8.1.1\nruff==0.4.1\n');
    write(path.join(dir, 'manage.py'), '# Django\n');
    sourceTree(path.join(dir, `svc_${n}`), 'py');
  },
  go(dir, n) {
    write(
      path.join(dir, 'go.mod'),
      `module example.com/svc-${n}\n\ngo 1.22\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.10.0\n\tgorm.io/gorm v1.25.10\n\tgorm.io/driver/postgres v1.5.7\n)\n`,
    );
    for (let i = 0; i < 300; i++)
      write(path.join(dir, 'vendor', 'github.com', `org-${i % 20}`, `lib-${i}`, 'lib.go'), 'package lib\n');
    write(path.join(dir, 'Dockerfile'), 'FROM golang:1.22 AS build\nFROM gcr.io/distroless/static\n');
    sourceTree(path.join(dir, 'internal'), 'go');
  },
  maven(dir, n) {
    write(
      path.join(dir, 'pom.xml'),
      `<?xml version="1.0"?>\n<project><modelVersion>4.0.0</modelVersion><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.2.5</version><relativePath/></parent><artifactId>svc-${n}</artifactId><properties><java.version>21</java.version></properties><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency></dependencies></project>\n`,
    );
    write(path.join(dir, 'mvnw'), '#!/bin/sh\n');
    for (let i = 0; i < 100; i++) write(path.join(dir, 'target', 'classes', `C${i}.class`));
    sourceTree(path.join(dir, 'src', 'main', 'java'), 'java');
  },
  gradle(dir, n) {
    write(
      path.join(dir, 'build.gradle.kts'),
      `plugins {\n    kotlin("jvm") version "1.9.23"\n    id("org.springframework.boot") version "3.2.5"\n}\n\ndependencies {\n    implementation("org.springframework.boot:spring-boot-starter-webflux")\n    implementation("org.mongodb:mongodb-driver-sync:5.0.1")\n    testImplementation("org.junit.jupiter:junit-jupiter:5.10.2")\n}\n`,
    );
    write(path.join(dir, 'settings.gradle.kts'), `rootProject.name = "svc-${n}"\n`);
    write(path.join(dir, 'gradlew'), '#!/bin/sh\n');
    for (let i = 0; i < 100; i++) write(path.join(dir, 'build', 'classes', `C${i}.class`));
    sourceTree(path.join(dir, 'src', 'main', 'kotlin'), 'kt');
  },
  cargo(dir, n) {
    write(
      path.join(dir, 'Cargo.toml'),
      `[package]\nname = "svc-${n}"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\naxum = "0.7"\nsqlx = { version = "0.7", features = ["postgres"] }\ntokio = { version = "1", features = ["full"] }\n`,
    );
    write(
      path.join(dir, 'Cargo.lock'),
      `version = 3\n\n${Array.from({ length: 150 }, (_, i) => `[[package]]\nname = "crate-${i}"\nversion = "0.${i}.0"\n`).join('\n')}\n[[package]]\nname = "axum"\nversion = "0.7.5"\n`,
    );
    for (let i = 0; i < 100; i++) write(path.join(dir, 'target', 'debug', 'deps', `d${i}.rlib`));
    sourceTree(path.join(dir, 'src'), 'rs');
  },
  bundler(dir) {
    write(
      path.join(dir, 'Gemfile'),
      'source "https://rubygems.org"\n\ngem "rails", "~> 7.1.3"\ngem "pg"\n\ngroup :test do\n  gem "rspec-rails"\nend\n',
    );
    write(
      path.join(dir, 'Gemfile.lock'),
      `GEM\n  remote: https://rubygems.org/\n  specs:\n${Array.from({ length: 100 }, (_, i) => `    gem-${i} (1.${i}.0)\n`).join('')}    rails (7.1.3.2)\n    pg (1.5.6)\n\nDEPENDENCIES\n  pg\n  rails (~> 7.1.3)\n`,
    );
    sourceTree(path.join(dir, 'app'), 'rb');
  },
  composer(dir, n) {
    write(
      path.join(dir, 'composer.json'),
      JSON.stringify(
        {
          name: `acme/svc-${n}`,
          require: { php: '^8.2', 'laravel/framework': '^11.0' },
          'require-dev': { 'phpunit/phpunit': '^11.0' },
          scripts: { test: 'phpunit' },
        },
        null,
        2,
      ),
    );
    write(
      path.join(dir, 'composer.lock'),
      JSON.stringify(
        {
          packages: Array.from({ length: 100 }, (_, i) => ({
            name: `vendor/pkg-${i}`,
            version: `v1.${i}.0`,
          })).concat([{ name: 'laravel/framework', version: 'v11.4.0' }]),
        },
        null,
        2,
      ),
    );
    for (let i = 0; i < 200; i++) write(path.join(dir, 'vendor', `pkg-${i}`, 'src', 'Lib.php'), '<?php\n');
    sourceTree(path.join(dir, 'app'), 'php');
  },
  dotnet(dir, n) {
    write(
      path.join(dir, `Svc${n}.csproj`),
      '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup><ItemGroup><PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="8.0.2" /></ItemGroup></Project>\n',
    );
    for (let i = 0; i < 100; i++) write(path.join(dir, 'obj', `o${i}.cache`));
    sourceTree(path.join(dir, 'Controllers'), 'cs');
  },
  mix(dir, n) {
    write(
      path.join(dir, 'mix.exs'),
      `defmodule Svc${n}.MixProject do\n  use Mix.Project\n\n  def project do\n    [app: :svc_${n}, elixir: "~> 1.15", deps: deps()]\n  end\n\n  defp deps do\n    [\n      {:phoenix, "~> 1.7.12"},\n      {:postgrex, ">= 0.0.0"}\n    ]\n  end\nend\n`,
    );
    write(
      path.join(dir, 'mix.lock'),
      '%{\n  "phoenix": {:hex, :phoenix, "1.7.12", "x", [:mix], [], "hexpm", "y"},\n}\n',
    );
    for (let i = 0; i < 100; i++)
      write(path.join(dir, 'deps', `dep_${i}`, 'mix.exs'), 'defmodule Dep do\nend\n');
    sourceTree(path.join(dir, 'lib'), 'ex');
  },
};

/** Writes the monorepo under `root`; returns the number of files written. */
export function generateMonorepo(root) {
  files = 0;
  let n = 0;
  for (const kind of KINDS) {
    for (let i = 0; i < PROJECTS_PER_KIND; i++)
      writers[kind](path.join(root, 'services', `${kind}-${i}`), n++);
  }
  for (let i = 0; i < 10_000; i++)
    write(path.join(root, '.git', 'objects', (i % 256).toString(16).padStart(2, '0'), `obj${i}`));
  for (let i = 0; i < 2_500; i++) write(path.join(root, 'third_party', `lib-${i % 50}`, `file-${i}.c`));
  write(path.join(root, '.gitignore'), 'node_modules/\n/third_party/\n');
  write(
    path.join(root, 'docker-compose.yml'),
    'services:\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7\n',
  );
  write(
    path.join(root, '.github', 'workflows', 'ci.yml'),
    'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n',
  );
  return files;
}
