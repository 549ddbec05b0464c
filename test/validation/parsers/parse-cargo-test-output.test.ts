import { describe, expect, it } from 'vitest';
import { parseCargoTestOutput } from '../../../src/validation/parsers/parse-cargo-test-output.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseCargoTestOutput', () => {
  it('reads the test result line and each panic’s message and location', () => {
    const result = parseCargoTestOutput(readOutput('cargo-test.txt'));
    expect(result?.counts).toEqual({ passed: 1, failed: 2, skipped: 1 });
    expect(result?.failures).toEqual([
      {
        name: 'tests::adds_wrong',
        message: 'assertion `left == right` failed\nleft: 4\nright: 5',
        file: 'src/lib.rs',
        line: 17,
      },
      { name: 'tests::panics', message: 'boom', file: 'src/lib.rs', line: 26 },
    ]);
  });

  it('sums the result lines of unit, integration and doc tests', () => {
    expect(parseCargoTestOutput(readOutput('cargo-pass.txt'))?.counts).toEqual({
      passed: 4,
      failed: 0,
      skipped: 1,
    });
  });

  it('reads the panic format of Rust before 1.73', () => {
    const output =
      "---- tests::old stdout ----\nthread 'tests::old' panicked at 'assertion failed: ok', src/lib.rs:9:5\n\nfailures:\n    tests::old\n\ntest result: FAILED. 0 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n";
    expect(parseCargoTestOutput(output)?.failures).toEqual([
      { name: 'tests::old', message: 'assertion failed: ok', file: 'src/lib.rs', line: 9 },
    ]);
  });
});
