import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateProjects } from '../../src/validation/validate-projects.js';
import { copyFixtures, hasTool, makeProject, recordingLog, REPOSITORY_ROOT } from './validation-test-kit.js';

const redactNothing = (text: string): string => text;
const options = (root: string, env: NodeJS.ProcessEnv = process.env) => ({
  root,
  parallel: 2,
  timeoutMs: 120_000,
  install: 'auto' as const,
  env,
  log: recordingLog(),
  redact: redactNothing,
});

const hasPytest = hasTool('python3', ['-m', 'pytest', '--version']);
const hasGo = hasTool('go', ['version']);

describe('validateProjects with real test runners', () => {
  it('reads passed, failed and skipped node:test results and locates the failing assertion', async () => {
    const root = await copyFixtures('node-test-mixed', 'node-test-passing');
    const summary = await validateProjects(
      [
        makeProject('node-test-mixed', { test: 'node --test' }),
        makeProject('node-test-passing', { test: 'node --test' }),
      ],
      options(root),
    );
    const [mixed, passing] = summary.projects;
    const test = mixed?.commands.find((command) => command.kind === 'test');
    expect(summary.status).toBe('failed');
    expect(test?.outcome).toBe('failed');
    expect(test?.tests?.counts).toEqual({ passed: 1, failed: 1, skipped: 1 });
    expect(test?.tests?.failures[0]).toMatchObject({
      name: 'adds negative numbers',
      file: 'node-test-mixed/test/calc.test.mjs',
      line: 9,
    });
    expect(passing?.outcome).toBe('passed');
    expect(passing?.commands.find((command) => command.kind === 'test')?.tests?.counts).toEqual({
      passed: 1,
      failed: 0,
      skipped: 0,
    });
  });

  it('reads Vitest results through the repository’s own vitest binary', async () => {
    const root = await copyFixtures('vitest-mixed');
    const vitest = JSON.stringify(join(REPOSITORY_ROOT, 'node_modules/vitest/vitest.mjs'));
    const summary = await validateProjects(
      [makeProject('vitest-mixed', { test: `node ${vitest} run --globals` })],
      options(root),
    );
    const test = summary.projects[0]?.commands.find((command) => command.kind === 'test');
    expect(test?.outcome).toBe('failed');
    expect(test?.tests?.counts).toEqual({ passed: 1, failed: 1, skipped: 1 });
    expect(test?.tests?.failures[0]).toMatchObject({
      name: 'calculator > subtracts numbers',
      file: 'vitest-mixed/calc.test.js',
      line: 7,
    });
    expect(test?.tests?.failures[0]?.message).toContain('expected 3 to be 4');
  });

  it.skipIf(!hasPytest)('reads pytest results and the line of the failing assertion', async () => {
    const root = await copyFixtures('pytest-mixed');
    const summary = await validateProjects(
      [
        makeProject(
          'pytest-mixed',
          { test: 'python3 -m pytest -p no:cacheprovider' },
          { language: 'python' },
        ),
      ],
      options(root),
    );
    const test = summary.projects[0]?.commands.find((command) => command.kind === 'test');
    expect(test?.outcome).toBe('failed');
    expect(test?.tests?.counts).toEqual({ passed: 1, failed: 1, skipped: 1 });
    expect(test?.tests?.failures[0]).toMatchObject({ file: 'pytest-mixed/tests/test_calc.py', line: 11 });
    expect(test?.tests?.failures[0]?.message).toContain('assert 4 == 5');
  });

  it.skipIf(!hasPytest)(
    'prefers the JUnit XML report pytest leaves behind over its printed summary',
    async () => {
      const root = await copyFixtures('pytest-mixed');
      const summary = await validateProjects(
        [
          makeProject(
            'pytest-mixed',
            { test: 'python3 -m pytest -p no:cacheprovider --junitxml=test-results/junit.xml' },
            { language: 'python' },
          ),
        ],
        options(root),
      );
      const test = summary.projects[0]?.commands.find((command) => command.kind === 'test');
      expect(test?.tests?.parsedFrom).toBe('JUnit XML: test-results/junit.xml');
      expect(test?.tests?.counts).toEqual({ passed: 1, failed: 1, skipped: 1 });
      expect(test?.tests?.failures[0]).toMatchObject({
        name: 'tests.test_calc › test_adds_wrong',
        file: 'pytest-mixed/tests/test_calc.py',
        line: 11,
      });
    },
  );

  describe.skipIf(!hasGo)('go test', () => {
    const goEnv = (root: string): NodeJS.ProcessEnv => ({
      ...process.env,
      GOFLAGS: '-mod=mod',
      GOPROXY: 'off',
      GOCACHE: join(root, '.gocache'),
      GOPATH: join(root, '.gopath'),
    });

    it('reads plain go test output, which lists failures only', async () => {
      const root = await copyFixtures('go-mixed');
      const summary = await validateProjects(
        [makeProject('go-mixed', { test: 'go test ./...' }, { language: 'go' })],
        options(root, goEnv(root)),
      );
      const test = summary.projects[0]?.commands.find((command) => command.kind === 'test');
      expect(test?.outcome).toBe('failed');
      expect(test?.tests?.counts.failed).toBe(1);
      expect(test?.tests?.failures[0]).toMatchObject({
        name: 'TestAddWrong',
        file: 'go-mixed/calc_test.go',
        line: 13,
        message: 'Add(2, 2) = 4, want 5',
      });
    });

    it('reads go test -json events with full counts', async () => {
      const root = await copyFixtures('go-mixed');
      const summary = await validateProjects(
        [makeProject('go-mixed', { test: 'go test -json ./...' }, { language: 'go' })],
        options(root, goEnv(root)),
      );
      const test = summary.projects[0]?.commands.find((command) => command.kind === 'test');
      expect(test?.tests?.parsedFrom).toBe('go test -json output');
      expect(test?.tests?.counts).toEqual({ passed: 1, failed: 1, skipped: 1 });
      expect(test?.tests?.failures[0]).toMatchObject({ name: 'example.com/calc.TestAddWrong', line: 13 });
    });
  });

  it('reads ESLint findings with file, line and rule', async () => {
    const root = await copyFixtures('eslint-findings');
    const eslint = JSON.stringify(join(REPOSITORY_ROOT, 'node_modules/eslint/bin/eslint.js'));
    const rules = JSON.stringify('{"no-unused-vars":"error","no-undef":"error","no-console":"warn"}');
    const lint = `node ${eslint} --no-config-lookup --rule ${rules} src`;
    const summary = await validateProjects([makeProject('eslint-findings', { lint })], options(root));
    const result = summary.projects[0]?.commands.find((command) => command.kind === 'lint');
    expect(result?.outcome).toBe('failed');
    expect(result?.lint).toMatchObject({ errors: 4, warnings: 1 });
    expect(result?.lint?.issues).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        rule: 'no-undef',
        file: 'eslint-findings/src/app.js',
        line: 3,
      }),
    );
  });
});
