import { describe, expect, it } from 'vitest';
import { parseJUnitXml } from '../../../src/validation/parsers/parse-junit-xml.js';
import { readOutput } from '../validation-test-kit.js';

describe('parseJUnitXml', () => {
  it('reads a Surefire report and turns the test class’s stack frame into a package path', () => {
    const result = parseJUnitXml(
      readOutput('surefire-TEST-com.example.CalculatorTest.xml'),
      'target/surefire-reports/TEST-x.xml',
    );
    expect(result?.counts).toEqual({ passed: 1, failed: 2, skipped: 1 });
    expect(result?.parsedFrom).toBe('JUnit XML: target/surefire-reports/TEST-x.xml');
    expect(result?.failures[0]).toEqual({
      name: 'com.example.CalculatorTest › addsWrong',
      message: 'expected: <5> but was: <4>',
      file: 'com/example/CalculatorTest.java',
      line: 18,
    });
  });

  it('reads pytest’s report, decoding numeric entities and finding the line in the failure text', () => {
    const result = parseJUnitXml(readOutput('pytest-junit.xml'));
    expect(result?.counts).toEqual({ passed: 2, failed: 2, skipped: 1 });
    expect(result?.failures[0]).toEqual({
      name: 'tests.test_calc › test_adds_wrong',
      message: 'assert 4 == 5\n +  where 4 = add(2, 2)',
      file: 'tests/test_calc.py',
      line: 8,
    });
  });

  it('reads Vitest’s report, where the class name is the test file', () => {
    const result = parseJUnitXml(readOutput('vitest-junit.xml'));
    expect(result?.failures[0]).toMatchObject({
      file: 'calc.test.js',
      line: 3,
      message: 'expected 3 to be 4 // Object.is equality',
    });
  });

  it('reads PHPUnit’s nested suites and prefers the failing line over the declaration line', () => {
    const result = parseJUnitXml(readOutput('phpunit-junit.xml'));
    expect(result?.counts).toEqual({ passed: 1, failed: 2, skipped: 1 });
    expect(result?.failures[0]).toEqual({
      name: 'Tests.CalculatorTest › testAddsWrong',
      message: 'Failed asserting that 4 is identical to 5.',
      file: '/home/runner/work/shop/shop/tests/CalculatorTest.php',
      line: 18,
    });
  });

  it('returns null for XML that is not a test report', () => {
    expect(parseJUnitXml('<project><modelVersion>4.0.0</modelVersion></project>')).toBeNull();
    expect(parseJUnitXml('not xml at all <')).toBeNull();
  });
});
