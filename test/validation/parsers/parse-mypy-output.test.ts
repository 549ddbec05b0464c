import { describe, expect, it } from 'vitest';
import { parseMypyOutput } from '../../../src/validation/parsers/parse-mypy-output.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseMypyOutput', () => {
  it('reads errors with their codes and skips notes', () => {
    const result = parseMypyOutput(readOutput('mypy.txt'));
    expect(result).toMatchObject({ errors: 3, warnings: 0 });
    expect(result?.issues[1]).toEqual({
      severity: 'error',
      message: 'Argument 1 to "charge" has incompatible type "str"; expected "Decimal"',
      rule: 'arg-type',
      file: 'app/services/billing.py',
      line: 22,
    });
  });
});
