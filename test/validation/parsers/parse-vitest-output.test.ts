import { describe, expect, it } from 'vitest';
import { parseVitestOutput } from '../../../src/validation/parsers/parse-vitest-output.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseVitestOutput', () => {
  it.each(['vitest-default-color.txt', 'vitest-verbose-color.txt'])(
    'reads coloured Vitest output from %s',
    (sample) => {
      const result = parseVitestOutput(readOutput(sample));
      expect(result?.counts).toEqual({ passed: 2, failed: 2, skipped: 1 });
      expect(result?.failures.map(({ name, file, line }) => ({ name, file, line }))).toEqual([
        { name: 'calculator > subtracts numbers', file: 'calc.test.js', line: 3 },
        { name: 'top level throws', file: 'calc.test.js', line: 6 },
      ]);
      expect(result?.failures[0]?.message).toMatch(/^AssertionError: expected 3 to be 4/);
    },
  );

  it('does not claim Jest output', () => {
    expect(parseVitestOutput(readOutput('jest.txt'))).toBeNull();
  });
});
