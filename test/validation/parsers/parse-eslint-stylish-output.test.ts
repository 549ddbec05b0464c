import { describe, expect, it } from 'vitest';
import { parseEslintStylishOutput } from '../../../src/validation/parsers/parse-eslint-stylish-output.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseEslintStylishOutput', () => {
  it('reads each row under its file with severity, line and rule', () => {
    const result = parseEslintStylishOutput(readOutput('eslint-stylish.txt'));
    expect(result).toMatchObject({ errors: 6, warnings: 3 });
    expect(result?.issues[0]).toEqual({
      severity: 'error',
      message: "'unused' is assigned a value but never used",
      rule: 'no-unused-vars',
      file: '/home/runner/work/shop/shop/src/app.js',
      line: 1,
    });
    expect(result?.issues.at(-1)).toMatchObject({
      file: '/home/runner/work/shop/shop/src/b.js',
      line: 2,
      rule: 'no-undef',
    });
  });

  it('does not claim output without ESLint’s problem summary', () => {
    expect(parseEslintStylishOutput(readOutput('tsc.txt'))).toBeNull();
  });
});
