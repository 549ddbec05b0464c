import type { TestFailure } from '../validation-result.js';
import { findSourceLocation } from './failure-location.js';
import type { ParsedTests } from './parsed-output.js';
import { toCount, toPlainLines } from './plain-text.js';

const SUMMARY = /^(\d+) (?:runs|tests), (\d+) assertions, (\d+) failures, (\d+) errors, (\d+) skips/;

/**
 * Read Minitest (and `rails test`): `4 runs, 2 assertions, 1 failures, 1 errors, 1 skips`
 * and the numbered `Failure:`/`Error:` blocks, whose header names
 * `Class#test [file:line]` or whose backtrace gives the line.
 */
export function parseMinitestOutput(text: string): ParsedTests | null {
  const lines = toPlainLines(text);
  const summary = lines.map((line) => SUMMARY.exec(line)).findLast((match) => match);
  if (!summary) return null;
  const failed = toCount(summary[3]) + toCount(summary[4]);
  const skipped = toCount(summary[5]);
  return {
    counts: { passed: Math.max(0, toCount(summary[1]) - failed - skipped), failed, skipped },
    failures: readFailures(lines),
    parsedFrom: 'Minitest output',
  };
}

function readFailures(lines: string[]): TestFailure[] {
  const failures: TestFailure[] = [];
  lines.forEach((line, index) => {
    if (!/^\s*\d+\) (?:Failure|Error):$/.test(line)) return;
    const header = /^(\S+?#\S+?)(?: \[(.+?):(\d+)\])?:$/.exec(lines[index + 1] ?? '');
    if (!header?.[1]) return;
    let end = index + 2;
    while (end < lines.length && (lines[end] ?? '').trim() !== '') end += 1;
    const block = lines.slice(index + 2, end);
    const message = block
      .filter((row) => !/^\s{4}\S/.test(row))
      .map((row) => row.trim())
      .join('\n');
    const location = header[2]
      ? { file: header[2], line: Number(header[3]) }
      : findSourceLocation(block.join('\n'));
    failures.push({ name: header[1], ...(message ? { message } : {}), ...(location ?? {}) });
  });
  return failures;
}
