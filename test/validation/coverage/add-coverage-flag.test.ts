import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Project } from '../../../src/discovery/project.js';
import { addCoverageFlag } from '../../../src/validation/coverage/add-coverage-flag.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bda-flag-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function project(dependencies: string[] = []): Project {
  return {
    path: '.',
    language: 'javascript',
    languageVersion: null,
    packageManager: 'npm',
    frameworks: [],
    databases: [],
    orms: [],
    testFrameworks: [],
    linters: [],
    commands: {},
    dockerfiles: [],
    dependencies: dependencies.map((name) => ({ name, version: null })),
  };
}

const run = async (line: string, deps: string[] = []) => {
  const decision = await addCoverageFlag({ run: line, source: 'test' }, project(deps), dir);
  return 'command' in decision ? decision.command.run : `not added: ${decision.reason}`;
};

describe('addCoverageFlag', () => {
  it('adds the runner’s own coverage flag when the command is the runner alone', async () => {
    expect(await run('npx jest')).toBe(
      'npx jest --coverage --coverageReporters=lcov --coverageReporters=text-summary',
    );
    expect(await run('go test ./...')).toBe('go test -coverprofile=coverage.out ./...');
    expect(await run('pytest -q', ['pytest-cov'])).toBe('pytest -q --cov --cov-report=xml:coverage.xml');
    expect(await run('npx vitest run', ['@vitest/coverage-v8'])).toBe(
      'npx vitest run --coverage.enabled --coverage.reporter=lcov --coverage.reporter=text-summary',
    );
  });

  it('passes the flag through `npm test` after `--` when the script is one runner', async () => {
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ scripts: { test: 'jest --runInBand' } }));
    expect(await run('npm test')).toBe(
      'npm test -- --coverage --coverageReporters=lcov --coverageReporters=text-summary',
    );
    expect(await run('pnpm test')).toBe(
      'pnpm test --coverage --coverageReporters=lcov --coverageReporters=text-summary',
    );
  });

  it('leaves commands alone where a flag could change what runs or needs a missing plugin', async () => {
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ scripts: { test: 'jest && eslint .' } }));
    expect(await run('npm test')).toMatch(/^not added: no coverage flag is known for `npm test`/);
    expect(await run('npx jest && npx eslint .')).toMatch(/runs more than one program/);
    expect(await run('pytest')).toMatch(/pytest-cov/);
    expect(await run('npx vitest run')).toMatch(/@vitest\/coverage-v8/);
  });
});
