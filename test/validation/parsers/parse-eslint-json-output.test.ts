import { describe, expect, it } from 'vitest';
import { parseEslintJsonOutput } from '../../../src/validation/parsers/parse-eslint-json-output.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseEslintJsonOutput', () => {
  it('reads `eslint -f json` output behind npm’s banner lines', () => {
    const result = parseEslintJsonOutput(
      `\n> shop@1.0.0 lint\n> eslint -f json src\n\n${readOutput('eslint.json')}`,
    );
    expect(result).toMatchObject({ errors: 6, warnings: 2 });
    expect(result?.issues[1]).toEqual({
      severity: 'warning',
      message: 'Unexpected console statement.',
      rule: 'no-console',
      file: '/home/runner/work/shop/shop/src/app.js',
      line: 2,
    });
  });

  it('ignores JSON that is not an ESLint report', () => {
    expect(parseEslintJsonOutput('[{"filePath": 3}]')).toBeNull();
  });
});
