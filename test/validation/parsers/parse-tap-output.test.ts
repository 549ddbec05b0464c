import { describe, expect, it } from 'vitest';
import { parseTapOutput } from '../../../src/validation/parsers/parse-tap-output.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseTapOutput', () => {
  it('reads node:test TAP counts and failures from their YAML diagnostics, without counting the failed suite', () => {
    const result = parseTapOutput(readOutput('node-test-tap.txt'));
    expect(result?.counts).toEqual({ passed: 1, failed: 2, skipped: 2 });
    expect(result?.failures).toEqual([
      {
        name: 'subtracts numbers',
        message: 'Expected values to be strictly equal:\n\n3 !== 4',
        file: '/home/runner/work/shop/shop/calc.test.mjs',
        line: 5,
      },
      {
        name: 'top level throws',
        message: 'boom',
        file: '/home/runner/work/shop/shop/calc.test.mjs',
        line: 9,
      },
    ]);
  });

  it('reads a minimal tape-style stream', () => {
    const result = parseTapOutput(
      'TAP version 13\n# adds\nok 1 adds\nnot ok 2 subtracts\n1..2\n# tests 2\n# pass  1\n# fail  1\n'.replace(
        / {2}/g,
        ' ',
      ),
    );
    expect(result?.counts).toEqual({ passed: 1, failed: 1, skipped: 0 });
    expect(result?.failures).toEqual([{ name: 'subtracts' }]);
  });

  it('does not claim the spec reporter’s output', () => {
    expect(parseTapOutput(readOutput('node-test-spec-node20.txt'))).toBeNull();
  });
});
