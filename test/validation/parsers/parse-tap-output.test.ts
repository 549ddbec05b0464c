import { describe, expect, it } from 'vitest';
import { parseTapOutput } from '../../../src/validation/parsers/parse-tap-output.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseTapOutput', () => {
  it('reads node:test TAP counts and failures from their YAML diagnostics, without counting the failed suite', () => {
    const result = parseTapOutput(readOutput('node-test-tap.txt'));
    expect(result?.counts).toEqual({ passed: 1, failed: 2, skipped: 2 });
    expect(result?.failures).toEqual([
      {
        name: 'calculator > subtracts numbers',
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

  it('reads node-tap 21, whose summary is `# { total: 2, pass: 1, fail: 1 }`, counting the assertions inside each file', () => {
    const result = parseTapOutput(readOutput('node-tap-21.txt'));
    expect(result?.counts).toEqual({ passed: 1, failed: 1, skipped: 0 });
    expect(result?.failures).toEqual([
      {
        name: 'test/calc.test.js > subtracts > three minus one',
        file: 'test/calc.test.js',
        line: 3,
      },
    ]);
  });

  it("reads mocha's TAP reporter and a tape failure location from its `at` line", () => {
    const mocha = parseTapOutput(
      [
        '1..3',
        'ok 1 adds',
        'ok 2 skipped one # SKIP -',
        'not ok 3 subtracts',
        '  Error: nope',
        '# tests 3',
        '# pass 1',
        '# fail 1',
        '',
      ].join('\n'),
    );
    expect(mocha?.counts).toEqual({ passed: 1, failed: 1, skipped: 1 });
    const tape = parseTapOutput(
      [
        'TAP version 13',
        '# subtracts',
        'not ok 1 should be strictly equal',
        '  ---',
        '    operator: equal',
        '    at: Test.<anonymous> (/repo/test/calc.js:7:5)',
        '  ...',
        '1..1',
        '',
      ].join('\n'),
    );
    expect(tape?.failures).toEqual([
      { name: 'should be strictly equal', file: '/repo/test/calc.js', line: 7 },
    ]);
  });

  it('reads a plan of zero as a run without tests', () => {
    expect(parseTapOutput('TAP version 13\n1..0\n# tests 0\n')?.counts).toEqual({
      passed: 0,
      failed: 0,
      skipped: 0,
    });
  });

  it('does not claim the spec reporter’s output', () => {
    expect(parseTapOutput(readOutput('node-test-spec-node20.txt'))).toBeNull();
  });
});
