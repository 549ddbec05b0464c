import type { TestFailure } from '../validation-result.js';
import { findSourceLocation } from './failure-location.js';
import type { ParsedTests } from './parsed-output.js';
import { summarizeMessage, toCount, toPlainLines } from './plain-text.js';

/**
 * Read Mocha's spec reporter: `3 passing (12ms)`, `1 pending`, `2 failing`,
 * then numbered failure blocks (`1) Suite\n   test:\n   Error: …\n   at …`).
 */
export function parseMochaOutput(text: string): ParsedTests | null {
  const lines = toPlainLines(text);
  const passingIndex = lines.findLastIndex((line) => /^\s+\d+ passing \(/.test(line));
  if (passingIndex === -1) return null;
  const tail = lines.slice(passingIndex, passingIndex + 4).join('\n');
  const read = (word: string): number => toCount(new RegExp(`^\\s+(\\d+) ${word}\\b`, 'm').exec(tail)?.[1]);
  return {
    counts: { passed: read('passing'), failed: read('failing'), skipped: read('pending') },
    failures: readFailures(lines.slice(passingIndex)),
    parsedFrom: 'Mocha output',
  };
}

function readFailures(lines: string[]): TestFailure[] {
  const failures: TestFailure[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const header = /^\s{2}(\d+)\) (.+)$/.exec(lines[index] ?? '');
    if (!header?.[2]) continue;
    // The title runs over several indented lines and ends with a colon.
    const titleParts = [header[2].trim()];
    let cursor = index;
    while (
      !(titleParts.at(-1) ?? '').endsWith(':') &&
      cursor + 1 < lines.length &&
      (lines[cursor + 1] ?? '').trim()
    ) {
      cursor += 1;
      titleParts.push((lines[cursor] ?? '').trim());
    }
    let end = cursor + 1;
    while (end < lines.length && !/^\s{2}\d+\) /.test(lines[end] ?? '')) end += 1;
    const block = lines.slice(cursor + 1, end);
    const message = summarizeMessage(block, 4);
    const location = findSourceLocation(block.join('\n'));
    failures.push({
      name: titleParts.join(' ').replace(/:$/, ''),
      ...(message ? { message } : {}),
      ...(location ?? {}),
    });
    index = end - 1;
  }
  return failures;
}
