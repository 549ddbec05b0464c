import { describe, expect, it } from 'vitest';
import { parsePylintOutput } from '../../../src/validation/parsers/parse-pylint-output.js';
import { readOutput } from '../validation-test-kit.js';

describe('parsePylintOutput', () => {
  it('reads message symbols, with E and F messages as errors', () => {
    const result = parsePylintOutput(readOutput('pylint.txt'));
    expect(result).toMatchObject({ errors: 1, warnings: 2 });
    expect(result?.issues[2]).toEqual({
      severity: 'error',
      message: "Module 'sys' has no 'argvv' member; maybe 'argv'?",
      rule: 'no-member',
      file: 'app/main.py',
      line: 9,
    });
  });
});
