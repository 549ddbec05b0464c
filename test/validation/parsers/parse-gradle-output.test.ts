import { describe, expect, it } from 'vitest';
import { parseGradleOutput } from '../../../src/validation/parsers/parse-gradle-output.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseGradleOutput', () => {
  it('reads "tests completed" and the FAILED lines with their exception location', () => {
    const result = parseGradleOutput(readOutput('gradle.txt'));
    expect(result?.counts).toEqual({ passed: 1, failed: 2, skipped: 1 });
    expect(result?.failures[0]).toEqual({
      name: 'CalculatorTest > addsWrong()',
      message: 'org.opentest4j.AssertionFailedError',
      file: 'CalculatorTest.java',
      line: 18,
    });
  });

  it('finds nothing in a successful build, which prints no counts', () => {
    expect(parseGradleOutput('> Task :test\n\nBUILD SUCCESSFUL in 4s\n')).toBeNull();
  });
});
