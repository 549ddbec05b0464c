import { describe, expect, it } from 'vitest';
import { parseRspecOutput } from '../../../src/validation/parsers/parse-rspec-output.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseRspecOutput', () => {
  it('reads examples, failures and pending, with re-run locations and Failure/Error messages', () => {
    const result = parseRspecOutput(readOutput('rspec.txt'));
    expect(result?.counts).toEqual({ passed: 1, failed: 2, skipped: 1 });
    expect(result?.failures[0]).toEqual({
      name: 'Calculator adds wrong',
      message:
        'Failure/Error: expect(Calculator.new.add(2, 2)).to eq(5)\nexpected: 5\ngot: 4\n(compared using ==)',
      file: 'spec/calculator_spec.rb',
      line: 8,
    });
    expect(result?.failures[1]).toMatchObject({
      name: 'Calculator raises',
      file: 'spec/calculator_spec.rb',
      line: 17,
    });
  });

  it('does not claim Minitest output', () => {
    expect(parseRspecOutput(readOutput('minitest.txt'))).toBeNull();
  });
});
