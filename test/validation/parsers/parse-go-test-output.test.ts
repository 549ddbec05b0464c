import { describe, expect, it } from 'vitest';
import { parseGoTestOutput } from '../../../src/validation/parsers/parse-go-test-output.js';
import { readOutput } from '../validation-test-kit.js';

const failures = [
  { name: 'TestAddWrong', message: 'Add(2, 2) = 4, want 5', file: 'calc_test.go', line: 13 },
  { name: 'TestTable/two', message: 'two failed', file: 'calc_test.go', line: 23 },
];

describe('parseGoTestOutput', () => {
  it('reads failures from plain go test output and notes that passing tests are not listed', () => {
    const result = parseGoTestOutput(readOutput('go-test.txt'));
    expect(result?.counts).toEqual({ passed: 0, failed: 2, skipped: 0 });
    expect(result?.failures).toEqual(failures);
    expect(result?.note).toContain('-v');
  });

  it('counts leaf tests only in verbose output', () => {
    const result = parseGoTestOutput(readOutput('go-test-verbose.txt'));
    expect(result?.counts).toEqual({ passed: 3, failed: 2, skipped: 1 });
    expect(result?.failures).toEqual(failures);
    expect(result?.note).toBeUndefined();
  });

  it('reports a package that did not build as a failure at the compile error', () => {
    const output =
      '# example.com/calc\n./calc.go:4:2: undefined: x\nFAIL\texample.com/calc [build failed]\nFAIL\n';
    const result = parseGoTestOutput(output);
    expect(result?.failures).toEqual([
      { name: 'example.com/calc', message: 'package build failed', file: 'calc.go', line: 4 },
    ]);
  });
});
