import { describe, expect, it } from 'vitest';
import { parseTscOutput } from '../../../src/validation/parsers/parse-tsc-output.js';
import { readOutput } from '../validation-test-kit.js';

const expected = [
  {
    severity: 'error',
    message: "Type 'string' is not assignable to type 'number'.",
    rule: 'TS2322',
    file: 'src/app.ts',
    line: 1,
  },
  {
    severity: 'error',
    message: "Property 'toUpperCse' does not exist on type 'string'. Did you mean 'toUpperCase'?",
    rule: 'TS2551',
    file: 'src/app.ts',
    line: 3,
  },
];

describe('parseTscOutput', () => {
  it.each(['tsc.txt', 'tsc-pretty.txt'])('reads compiler diagnostics from %s', (sample) => {
    expect(parseTscOutput(readOutput(sample))?.issues).toEqual(expected);
  });
});
