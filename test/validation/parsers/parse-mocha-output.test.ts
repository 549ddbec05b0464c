import { describe, expect, it } from 'vitest';
import { parseMochaOutput } from '../../../src/validation/parsers/parse-mocha-output.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseMochaOutput', () => {
  it('reads passing, pending and failing counts and joins multi-line failure titles', () => {
    const result = parseMochaOutput(readOutput('mocha.txt'));
    expect(result?.counts).toEqual({ passed: 1, failed: 2, skipped: 1 });
    expect(result?.failures.map(({ name, file, line }) => ({ name, file, line }))).toEqual([
      { name: 'calculator adds wrong', file: 'test/calc.spec.js', line: 9 },
      { name: 'calculator nested throws', file: 'test/calc.spec.js', line: 14 },
    ]);
    expect(result?.failures[1]?.message).toBe('Error: boom');
  });

  it('does not claim Jest output', () => {
    expect(parseMochaOutput(readOutput('jest.txt'))).toBeNull();
  });
});
