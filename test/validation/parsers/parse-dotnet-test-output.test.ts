import { describe, expect, it } from 'vitest';
import { parseDotnetTestOutput } from '../../../src/validation/parsers/parse-dotnet-test-output.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseDotnetTestOutput', () => {
  it('reads the assembly summary and each failure’s message and source line', () => {
    const result = parseDotnetTestOutput(readOutput('dotnet-test.txt'));
    expect(result?.counts).toEqual({ passed: 1, failed: 2, skipped: 1 });
    expect(result?.failures[0]).toEqual({
      name: 'Calc.Tests.CalculatorTests.AddsWrong',
      message: 'Assert.Equal() Failure: Values differ\nExpected: 5\nActual:   4',
      file: '/home/runner/work/calc/calc/Calc.Tests/CalculatorTests.cs',
      line: 18,
    });
  });
});
