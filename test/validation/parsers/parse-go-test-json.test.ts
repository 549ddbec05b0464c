import { describe, expect, it } from 'vitest';
import { parseGoTestJson } from '../../../src/validation/parsers/parse-go-test-json.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseGoTestJson', () => {
  it('reads test2json events with package-qualified failures and leaf-only counts', () => {
    const result = parseGoTestJson(readOutput('go-test-json.txt'));
    expect(result?.counts).toEqual({ passed: 3, failed: 2, skipped: 1 });
    expect(result?.failures).toEqual([
      {
        name: 'example.com/calc.TestAddWrong',
        message: 'Add(2, 2) = 4, want 5',
        file: 'calc_test.go',
        line: 13,
      },
      { name: 'example.com/calc.TestTable/two', message: 'two failed', file: 'calc_test.go', line: 23 },
    ]);
  });

  it('ignores plain go test output', () => {
    expect(parseGoTestJson(readOutput('go-test-verbose.txt'))).toBeNull();
  });
});
