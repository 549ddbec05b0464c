import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { parseCommandOutput } from '../../src/validation/parse-command-output.js';
import { findSourceLocation } from '../../src/validation/parsers/failure-location.js';
import { readOutput } from './validation-test-kit.js';
it('perf', () => {
  const out: string[] = [];
  const log = (s: string) => { out.push(s); writeFileSync('/tmp/perf.txt', out.join('\n')); };
  const t2 = performance.now(); findSourceLocation('a/'.repeat(10000)); log(`findSourceLocation 20KB path ${(performance.now()-t2).toFixed(0)} ms`);
  const t = performance.now(); findSourceLocation('x'.repeat(20000)); log(`findSourceLocation 20KB word ${(performance.now()-t).toFixed(0)} ms`);
  const samples = ['jest.txt','pytest.txt','vitest-default-color.txt','go-test-verbose.txt','mocha.txt','rspec.txt','eslint-stylish.txt','clippy.txt'];
  const mixed = samples.map(readOutput).join('\n');
  const big = mixed.repeat(Math.ceil(1024*1024/mixed.length));
  for (const kind of ['test','lint'] as const) { const t = performance.now(); parseCommandOutput({kind, output: big}); log(`${kind} mixed 1MB ${(performance.now()-t).toFixed(0)} ms`); }
  const longLine = 'a'.repeat(1024*1024);
  for (const kind of ['test','lint'] as const) { const t = performance.now(); parseCommandOutput({kind, output: longLine}); log(`${kind} one 1MB line ${(performance.now()-t).toFixed(0)} ms`); }
}, 300_000);
