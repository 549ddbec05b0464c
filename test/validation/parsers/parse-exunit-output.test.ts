import { describe, expect, it } from 'vitest';
import { parseExunitOutput } from '../../../src/validation/parsers/parse-exunit-output.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseExunitOutput', () => {
  it('counts doctests with tests and points at the failing line from the stacktrace', () => {
    const result = parseExunitOutput(readOutput('exunit.txt'));
    expect(result?.counts).toEqual({ passed: 2, failed: 2, skipped: 1 });
    expect(result?.failures[1]).toEqual({
      name: 'test adds wrong (CalcTest)',
      message: 'Assertion with == failed\ncode:  assert 2 + 2 == 5\nleft:  4\nright: 5',
      file: 'test/calc_test.exs',
      line: 10,
    });
  });
});
