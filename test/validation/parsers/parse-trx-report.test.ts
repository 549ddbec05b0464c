import { describe, expect, it } from 'vitest';
import { parseTrxReport } from '../../../src/validation/parsers/parse-trx-report.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseTrxReport', () => {
  it('reads outcomes, the error message and the source line of a dotnet TRX file', () => {
    const result = parseTrxReport(readOutput('dotnet.trx'), 'TestResults/run.trx');
    expect(result?.counts).toEqual({ passed: 1, failed: 1, skipped: 1 });
    expect(result?.parsedFrom).toBe('TRX: TestResults/run.trx');
    expect(result?.failures).toEqual([
      {
        name: 'Calc.Tests.CalculatorTests.AddsWrong',
        message: 'Assert.Equal() Failure: Values differ\nExpected: 5\nActual:   4',
        file: '/home/runner/work/calc/calc/Calc.Tests/CalculatorTests.cs',
        line: 18,
      },
    ]);
  });

  it('returns null for a JUnit report', () => {
    expect(parseTrxReport(readOutput('pytest-junit.xml'))).toBeNull();
  });
});
