import { describe, expect, it } from 'vitest';
import { parseFlake8Output } from '../../../src/validation/parsers/parse-flake8-output.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseFlake8Output', () => {
  it('reads codes, treating pycodestyle W codes as warnings', () => {
    const result = parseFlake8Output(readOutput('flake8.txt'));
    expect(result).toMatchObject({ errors: 3, warnings: 1 });
    expect(result?.issues[0]).toEqual({
      severity: 'error',
      message: "'os' imported but unused",
      rule: 'F401',
      file: './app/main.py',
      line: 1,
    });
  });

  it('does not read pylint’s lines, whose codes end with a colon', () => {
    expect(parseFlake8Output(readOutput('pylint.txt'))).toBeNull();
  });
});
