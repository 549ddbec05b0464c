import { describe, expect, it } from 'vitest';
import { parseJestOutput } from '../../../src/validation/parsers/parse-jest-output.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseJestOutput', () => {
  it('reads the Tests: summary and each ● block with the frame in the test file', () => {
    const result = parseJestOutput(readOutput('jest.txt'));
    expect(result?.counts).toEqual({ passed: 1, failed: 2, skipped: 1 });
    expect(result?.failures).toEqual([
      {
        name: 'calculator › adds wrong',
        message: 'expect(received).toBe(expected) // Object.is equality\nExpected: 5\nReceived: 4',
        file: 'src/calc.test.js',
        line: 8,
      },
      { name: 'throws', message: 'boom', file: 'src/calc.test.js', line: 14 },
    ]);
  });

  it('does not claim Vitest output', () => {
    expect(parseJestOutput(readOutput('vitest-default-color.txt'))).toBeNull();
  });
});
