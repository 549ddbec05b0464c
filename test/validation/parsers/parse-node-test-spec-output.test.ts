import { describe, expect, it } from 'vitest';
import { parseNodeTestSpecOutput } from '../../../src/validation/parsers/parse-node-test-spec-output.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseNodeTestSpecOutput', () => {
  it.each(['node-test-spec-node20.txt', 'node-test-spec-node24.txt'])(
    'reads counts and located failures from %s',
    (sample) => {
      const result = parseNodeTestSpecOutput(readOutput(sample));
      expect(result?.counts).toEqual({ passed: 1, failed: 2, skipped: 2 });
      expect(result?.failures).toEqual([
        {
          name: 'subtracts numbers',
          message: 'AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n3 !== 4',
          file: 'calc.test.mjs',
          line: 5,
        },
        { name: 'top level throws', message: 'Error: boom', file: 'calc.test.mjs', line: 9 },
      ]);
    },
  );

  it('does not claim TAP output', () => {
    expect(parseNodeTestSpecOutput(readOutput('node-test-tap.txt'))).toBeNull();
  });
});
