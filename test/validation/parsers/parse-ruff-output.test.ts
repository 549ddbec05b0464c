import { describe, expect, it } from 'vitest';
import { parseRuffOutput } from '../../../src/validation/parsers/parse-ruff-output.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseRuffOutput', () => {
  it('reads the concise layout', () => {
    const result = parseRuffOutput(readOutput('ruff-concise.txt'));
    expect(result).toMatchObject({ errors: 3, warnings: 0 });
    expect(result?.issues[0]).toEqual({
      severity: 'error',
      message: '`os` imported but unused',
      rule: 'F401',
      file: 'app/main.py',
      line: 1,
    });
  });

  it('reads the full layout with its --> pointers', () => {
    const result = parseRuffOutput(readOutput('ruff-full.txt'));
    expect(result?.issues.map(({ rule, file, line }) => ({ rule, file, line }))).toEqual([
      { rule: 'F401', file: 'app/main.py', line: 1 },
      { rule: 'E722', file: 'app/main.py', line: 7 },
    ]);
  });

  it('leaves flake8 output (no "Found N errors.") to the flake8 reader', () => {
    expect(parseRuffOutput(readOutput('flake8.txt'))).toBeNull();
  });
});
