import { describe, expect, it } from 'vitest';
import { parseMinitestOutput } from '../../../src/validation/parsers/parse-minitest-output.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseMinitestOutput', () => {
  it('reads runs, failures, errors and skips, locating failures by header and errors by backtrace', () => {
    const result = parseMinitestOutput(readOutput('minitest.txt'));
    expect(result?.counts).toEqual({ passed: 1, failed: 2, skipped: 1 });
    expect(result?.failures).toEqual([
      {
        name: 'CalculatorTest#test_raises',
        message: 'ArgumentError: bad input',
        file: 'test/calculator_test.rb',
        line: 18,
      },
      {
        name: 'CalculatorTest#test_adds_wrong',
        message: 'Expected: 5\nActual: 4',
        file: 'test/calculator_test.rb',
        line: 10,
      },
    ]);
  });
});
