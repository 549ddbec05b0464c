import { describe, expect, it } from 'vitest';
import { findSourceLocation, pathsMatch } from '../../../src/validation/parsers/failure-location.js';

describe('findSourceLocation', () => {
  it('skips runtime and dependency frames and reads the first project frame', () => {
    const stack = [
      'at assert (node:internal/assert:12:3)',
      'at Object.<anonymous> (/repo/node_modules/expect/build/index.js:300:11)',
      'at Context.<anonymous> (file:///repo/test/calc.test.mjs:9:12)',
      'at later (/repo/src/calc.mjs:2:1)',
    ].join('\n');
    expect(findSourceLocation(stack)).toEqual({ file: '/repo/test/calc.test.mjs', line: 9 });
  });

  it('prefers a frame in the file the runner named', () => {
    expect(findSourceLocation('src/calc.js:3:1\ntest/calc.test.js:8:2', 'test/calc.test.js')).toEqual({
      file: 'test/calc.test.js',
      line: 8,
    });
  });

  it('reads dotnet, Windows, Python and Go locations', () => {
    expect(findSourceLocation('at Calc.Tests.Adds() in /src/Calc.Tests/CalcTests.cs:line 14')).toEqual({
      file: '/src/Calc.Tests/CalcTests.cs',
      line: 14,
    });
    expect(findSourceLocation('at App.Run() in C:\\src\\App\\Program.cs:line 7')).toEqual({
      file: 'C:\\src\\App\\Program.cs',
      line: 7,
    });
    expect(
      findSourceLocation(
        '  File "/usr/lib/python3.11/unittest/case.py", line 5\n  File "tests/test_x.py", line 12, in test_y',
      ),
    ).toEqual({ file: 'tests/test_x.py', line: 12 });
    expect(findSourceLocation('    calc_test.go:13: Add(2, 2) = 4')).toEqual({
      file: 'calc_test.go',
      line: 13,
    });
  });

  it('stays fast on a megabyte of path-like characters', () => {
    const started = performance.now();
    expect(findSourceLocation(`${'a/'.repeat(300_000)}${'x'.repeat(400_000)}.js:1`)?.line).toBe(1);
    expect(findSourceLocation('a/b.js'.repeat(170_000))).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('pathsMatch', () => {
  it('matches absolute, relative and ./ spellings of one file', () => {
    expect(pathsMatch('/repo/tests/a.py', 'tests/a.py')).toBe(true);
    expect(pathsMatch('./tests/a.py', 'tests/a.py')).toBe(true);
    expect(pathsMatch('tests/a.py', 'other/a.py')).toBe(false);
  });
});
