import { describe, expect, it } from 'vitest';
import { parseRubocopOutput } from '../../../src/validation/parsers/parse-rubocop-output.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseRubocopOutput', () => {
  it('reads offenses with cop names, skipping the code excerpts under them', () => {
    const result = parseRubocopOutput(readOutput('rubocop.txt'));
    expect(result).toMatchObject({ errors: 0, warnings: 8 });
    expect(result?.issues).toContainEqual({
      severity: 'warning',
      message: 'Useless assignment to variable - x.',
      rule: 'Lint/UselessAssignment',
      file: 'lib/user.rb',
      line: 3,
    });
  });

  it('treats E and F offenses as errors', () => {
    const output =
      'app/a.rb:2:1: E: Lint/Syntax: unexpected token $end\n\n1 file inspected, 1 offense detected\n';
    expect(parseRubocopOutput(output)).toMatchObject({ errors: 1, warnings: 0 });
  });
});
