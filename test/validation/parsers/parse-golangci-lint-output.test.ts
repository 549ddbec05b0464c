import { describe, expect, it } from 'vitest';
import { parseGolangciLintOutput } from '../../../src/validation/parsers/parse-golangci-lint-output.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseGolangciLintOutput', () => {
  it('reads issues with their linter and ignores the source excerpts and totals', () => {
    const result = parseGolangciLintOutput(readOutput('golangci-lint.txt'));
    expect(result).toMatchObject({ errors: 3, warnings: 0 });
    expect(result?.issues[0]).toEqual({
      severity: 'error',
      message: 'Error return value of `rows.Close` is not checked',
      rule: 'errcheck',
      file: 'internal/store/store.go',
      line: 42,
    });
  });

  it('reads go vet lines, which name no linter', () => {
    const result = parseGolangciLintOutput(
      '# example.com/api\n./main.go:12:2: fmt.Printf format %d has arg name of wrong type string\n',
    );
    expect(result?.issues).toEqual([
      {
        severity: 'error',
        message: 'fmt.Printf format %d has arg name of wrong type string',
        file: 'main.go',
        line: 12,
      },
    ]);
  });
});
