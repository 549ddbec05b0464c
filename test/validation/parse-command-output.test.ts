import { describe, expect, it } from 'vitest';
import { parseCommandOutput } from '../../src/validation/parse-command-output.js';
import { readOutput } from './validation-test-kit.js';

describe('parseCommandOutput', () => {
  it('prefers report files over the printed summary when the run left any', () => {
    const result = parseCommandOutput({
      kind: 'test',
      output: readOutput('pytest.txt'),
      reports: [
        {
          path: 'build/test-results/test/TEST-x.xml',
          content: readOutput('surefire-TEST-com.example.CalculatorTest.xml'),
        },
      ],
    });
    expect(result.tests?.parsedFrom).toBe('JUnit XML: build/test-results/test/TEST-x.xml');
  });

  it('sums several report files and reads .trx files as TRX', () => {
    const result = parseCommandOutput({
      kind: 'test',
      output: '',
      reports: [
        { path: 'a/junit.xml', content: readOutput('pytest-junit.xml') },
        { path: 'TestResults/run.trx', content: readOutput('dotnet.trx') },
      ],
    });
    expect(result.tests?.counts).toEqual({ passed: 3, failed: 3, skipped: 2 });
    expect(result.tests?.parsedFrom).toBe('JUnit XML: a/junit.xml, TRX: TestResults/run.trx');
  });

  it('adds up two runners in one command, as `make test` over a Go and a Python service prints', () => {
    const result = parseCommandOutput({
      kind: 'test',
      output: `${readOutput('go-test-verbose.txt')}\n${readOutput('pytest.txt')}`,
    });
    expect(result.tests?.counts).toEqual({ passed: 5, failed: 4, skipped: 2 });
    expect(result.tests?.parsedFrom).toBe('go test output, pytest output');
  });

  it('does not count go test -json output twice as plain go test output', () => {
    const result = parseCommandOutput({ kind: 'test', output: readOutput('go-test-json.txt') });
    expect(result.tests?.parsedFrom).toBe('go test -json output');
    expect(result.tests?.counts.failed).toBe(2);
  });

  it('reads Ruff’s concise lines once, not again as flake8', () => {
    const result = parseCommandOutput({ kind: 'lint', output: readOutput('ruff-concise.txt') });
    expect(result.lint).toMatchObject({ errors: 3, warnings: 0, parsedFrom: 'Ruff output' });
  });

  it('adds up chained linters', () => {
    const result = parseCommandOutput({
      kind: 'lint',
      output: `${readOutput('eslint-stylish.txt')}\n${readOutput('tsc.txt')}`,
    });
    expect(result.lint).toMatchObject({
      errors: 8,
      warnings: 3,
      parsedFrom: 'ESLint output, TypeScript compiler output',
    });
  });

  it('keeps at most 100 failures but the full count', () => {
    const lines = Array.from(
      { length: 150 },
      (_, index) => `FAILED tests/test_x.py::test_${index} - assert False`,
    );
    const result = parseCommandOutput({
      kind: 'test',
      output: `${lines.join('\n')}\n==== 150 failed in 2.00s ====\n`,
    });
    expect(result.tests?.counts.failed).toBe(150);
    expect(result.tests?.failures).toHaveLength(100);
  });

  it('gets through a megabyte of minified code or base64 in an assertion quickly', () => {
    const failure = `FAIL src/a.test.js\n  ● dumps\n\n    ${'a/'.repeat(200_000)}x${'Q'.repeat(600_000)}\n\nTests:       1 failed, 1 total\n`;
    const started = performance.now();
    const tests = parseCommandOutput({ kind: 'test', output: failure }).tests;
    parseCommandOutput({ kind: 'lint', output: failure });
    expect(tests?.counts.failed).toBe(1);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('reads nothing from install output or from output no reader knows', () => {
    expect(parseCommandOutput({ kind: 'install', output: readOutput('pytest.txt') })).toEqual({});
    expect(parseCommandOutput({ kind: 'test', output: 'make: *** [test] Error 1' })).toEqual({});
  });
});
