import { describe, expect, it } from 'vitest';
import { selectAnnotations } from '../../src/validation/select-annotations.js';
import type { CommandResult, ValidationSummary } from '../../src/validation/validation-result.js';

function summaryWith(...commands: Partial<CommandResult>[]): ValidationSummary {
  const full = commands.map((command) => ({
    kind: 'test' as const,
    run: 'x',
    outcome: 'failed' as const,
    exitCode: 1,
    durationMs: 1,
    outputTail: '',
    ...command,
  }));
  return { status: 'failed', projects: [{ project: 'api', outcome: 'failed', commands: full }] };
}

const testsFailing = (
  ...failures: NonNullable<CommandResult['tests']>['failures']
): Partial<CommandResult> => ({
  tests: { counts: { passed: 0, failed: failures.length, skipped: 0 }, failures, parsedFrom: 'test' },
});

describe('selectAnnotations', () => {
  it('annotates test failures and lint findings on changed files only', () => {
    const summary = summaryWith(
      testsFailing(
        { name: 'adds', message: 'expected 3', file: 'api/src/calc.test.ts', line: 4 },
        { name: 'other', file: 'api/src/untouched.test.ts', line: 1 },
      ),
      {
        kind: 'lint',
        lint: {
          errors: 1,
          warnings: 1,
          parsedFrom: 'x',
          issues: [
            {
              severity: 'warning',
              message: 'Unexpected console statement.',
              rule: 'no-console',
              file: 'api/src/calc.ts',
              line: 2,
            },
            {
              severity: 'error',
              message: 'x is not defined',
              rule: 'no-undef',
              file: 'api/src/calc.ts',
              line: 9,
            },
          ],
        },
      },
    );
    expect(selectAnnotations(summary, ['api/src/calc.ts', './api/src/calc.test.ts'])).toEqual([
      {
        level: 'error',
        file: 'api/src/calc.test.ts',
        line: 4,
        title: 'Test failed: adds',
        message: 'expected 3',
      },
      {
        level: 'error',
        file: 'api/src/calc.ts',
        line: 9,
        title: 'Lint error: no-undef',
        message: 'x is not defined',
      },
      {
        level: 'warning',
        file: 'api/src/calc.ts',
        line: 2,
        title: 'Lint warning: no-console',
        message: 'Unexpected console statement.',
      },
    ]);
  });

  it('places a path printed without its folders on the one changed file that ends with it', () => {
    const summary = summaryWith(
      testsFailing(
        { name: 'TestAdd', file: 'calc_test.go', line: 13 },
        { name: 'adds', file: 'com/acme/CalcTest.java', line: 8 },
        { name: 'in container', file: '/app/tests/UserTest.php', line: 3 },
      ),
    );
    const annotations = selectAnnotations(summary, [
      'svc/calc/calc_test.go',
      'java/src/test/java/com/acme/CalcTest.java',
      'tests/UserTest.php',
    ]);
    expect(annotations.map((annotation) => annotation.file)).toEqual([
      'svc/calc/calc_test.go',
      'java/src/test/java/com/acme/CalcTest.java',
      'tests/UserTest.php',
    ]);
  });

  it('does not guess when a bare file name matches two changed files', () => {
    const summary = summaryWith(testsFailing({ name: 'TestMain', file: 'main_test.go', line: 3 }));
    expect(selectAnnotations(summary, ['a/main_test.go', 'b/main_test.go'])).toEqual([]);
  });

  it('caps the number of annotations, keeping errors first', () => {
    const issues = Array.from({ length: 80 }, (_, index) => ({
      severity: index % 2 ? ('error' as const) : ('warning' as const),
      message: `m${index}`,
      file: 'a.ts',
      line: index + 1,
    }));
    const annotations = selectAnnotations(
      summaryWith({ kind: 'lint', lint: { errors: 40, warnings: 40, issues, parsedFrom: 'x' } }),
      ['a.ts'],
    );
    expect(annotations).toHaveLength(50);
    expect(annotations.slice(0, 40).every((annotation) => annotation.level === 'error')).toBe(true);
    expect(
      selectAnnotations(
        summaryWith({ kind: 'lint', lint: { errors: 40, warnings: 40, issues, parsedFrom: 'x' } }),
        ['a.ts'],
        5,
      ),
    ).toHaveLength(5);
  });

  it('keeps a failure without a line as a file annotation', () => {
    const annotations = selectAnnotations(summaryWith(testsFailing({ name: 'suite', file: 'a.test.ts' })), [
      'a.test.ts',
    ]);
    expect(annotations).toEqual([
      { level: 'error', file: 'a.test.ts', title: 'Test failed: suite', message: 'The test failed.' },
    ]);
  });
});
