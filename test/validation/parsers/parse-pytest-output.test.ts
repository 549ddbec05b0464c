import { describe, expect, it } from 'vitest';
import { parsePytestOutput } from '../../../src/validation/parsers/parse-pytest-output.js';
import { readOutput } from '../validation-test-kit.js';

const expected = [
  {
    name: 'tests/test_calc.py::test_adds_wrong',
    message: 'assert 4 == 5',
    file: 'tests/test_calc.py',
    line: 8,
  },
  {
    name: 'tests/test_calc.py::test_raises',
    message: 'ValueError: bad input',
    file: 'tests/test_calc.py',
    line: 15,
  },
];

describe('parsePytestOutput', () => {
  it.each(['pytest.txt', 'pytest-quiet.txt'])(
    'reads the summary line and the short test summary of %s',
    (sample) => {
      const result = parsePytestOutput(readOutput(sample));
      expect(result?.counts).toEqual({ passed: 2, failed: 2, skipped: 1 });
      expect(result?.failures).toEqual(expected);
    },
  );

  it('counts errors as failures and xfailed as skipped', () => {
    const result = parsePytestOutput('=== 1 failed, 3 passed, 2 xfailed, 1 error in 1.20s ===');
    expect(result?.counts).toEqual({ passed: 3, failed: 2, skipped: 2 });
  });

  it('does not claim unittest output', () => {
    expect(parsePytestOutput(readOutput('unittest.txt'))).toBeNull();
  });
});
