import { describe, expect, it } from 'vitest';
import { parseMavenOutput } from '../../../src/validation/parsers/parse-maven-output.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseMavenOutput', () => {
  it('reads the module totals, not the per-class lines, and the Results list with package folders from the stack', () => {
    const result = parseMavenOutput(readOutput('maven.txt'));
    expect(result?.counts).toEqual({ passed: 1, failed: 2, skipped: 1 });
    expect(result?.failures).toEqual([
      {
        name: 'CalculatorTest.addsWrong',
        message: 'expected: <5> but was: <4>',
        file: 'com/example/CalculatorTest.java',
        line: 18,
      },
      {
        name: 'CalculatorTest.throwsError',
        message: 'IllegalState boom',
        file: 'com/example/CalculatorTest.java',
        line: 28,
      },
    ]);
  });

  it('does not claim Gradle output', () => {
    expect(parseMavenOutput(readOutput('gradle.txt'))).toBeNull();
  });
});
