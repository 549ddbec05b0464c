import { describe, expect, it } from 'vitest';
import { parsePhpunitOutput } from '../../../src/validation/parsers/parse-phpunit-output.js';
import { readOutput } from '../validation-test-kit.js';

describe('parsePhpunitOutput', () => {
  it('reads the Tests: line and the numbered error and failure blocks', () => {
    const result = parsePhpunitOutput(readOutput('phpunit.txt'));
    expect(result?.counts).toEqual({ passed: 1, failed: 2, skipped: 1 });
    expect(result?.failures).toEqual([
      {
        name: 'Tests\\CalculatorTest::testThrows',
        message: 'RuntimeException: boom',
        file: '/home/runner/work/shop/shop/tests/CalculatorTest.php',
        line: 28,
      },
      {
        name: 'Tests\\CalculatorTest::testAddsWrong',
        message: 'Failed asserting that 4 is identical to 5.',
        file: '/home/runner/work/shop/shop/tests/CalculatorTest.php',
        line: 18,
      },
    ]);
  });

  it('reads a passing run', () => {
    expect(
      parsePhpunitOutput('PHPUnit 10.5.0\n\n...  3 / 3 (100%)\n\nOK (3 tests, 5 assertions)\n')?.counts,
    ).toEqual({ passed: 3, failed: 0, skipped: 0 });
  });
});
