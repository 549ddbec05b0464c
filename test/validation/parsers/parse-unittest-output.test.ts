import { describe, expect, it } from 'vitest';
import { parseUnittestOutput } from '../../../src/validation/parsers/parse-unittest-output.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseUnittestOutput', () => {
  it('reads Ran/FAILED counts and each traceback’s last line and frame', () => {
    const result = parseUnittestOutput(readOutput('unittest.txt'));
    expect(result?.counts).toEqual({ passed: 1, failed: 2, skipped: 1 });
    expect(result?.failures).toEqual([
      {
        name: 'test_unit.CalcTest.test_error',
        message: "KeyError: 'missing'",
        file: '/home/runner/work/shop/shop/test_unit.py',
        line: 16,
      },
      {
        name: 'test_unit.CalcTest.test_adds_wrong',
        message: 'AssertionError: 4 != 5',
        file: '/home/runner/work/shop/shop/test_unit.py',
        line: 9,
      },
    ]);
  });

  it('reads a passing run with skips', () => {
    const result = parseUnittestOutput(
      '....\n----------------------------------------------------------------------\nRan 4 tests in 0.002s\n\nOK (skipped=1)\n',
    );
    expect(result?.counts).toEqual({ passed: 3, failed: 0, skipped: 1 });
  });
});
