import type { TestFailure } from '../validation-result.js';
import { findSourceLocation } from './failure-location.js';
import type { ParsedTests } from './parsed-output.js';
import { readTestCountWords, summarizeMessage, toPlainLines } from './plain-text.js';

/**
 * Read Jest's default reporter: `Tests:  1 failed, 2 passed, 3 total` and the
 * `● Suite › test` blocks under each ` FAIL  path` header.
 */
export function parseJestOutput(text: string): ParsedTests | null {
  const lines = toPlainLines(text);
  const summary = lines
    .map((line) => /^Tests:\s+(.+\d+ total)\s*$/.exec(line)?.[1])
    .findLast((found) => found);
  if (summary === undefined) return null;
  return {
    counts: readTestCountWords(summary),
    failures: readFailures(lines),
    parsedFrom: 'Jest output',
  };
}

function readFailures(lines: string[]): TestFailure[] {
  const failures: TestFailure[] = [];
  let currentFile: string | undefined;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const suite = /^\s*FAIL\s+(\S+)/.exec(line);
    if (suite?.[1]) currentFile = suite[1];
    const header = /^\s{2}● (.+)$/.exec(line);
    if (!header?.[1] || header[1].startsWith('Console')) continue;
    let end = index + 1;
    while (end < lines.length && !/^\s{2}● |^\s*(?:FAIL|PASS)\s|^Test Suites:/.test(lines[end] ?? ''))
      end += 1;
    const block = lines.slice(index + 1, end);
    const message = summarizeMessage(
      block.filter((row) => !/^\s*>?\s*\d+ \||^\s+\|/.test(row)),
      4,
    );
    const location = findSourceLocation(block.join('\n'), currentFile);
    failures.push({
      name: header[1].trim(),
      ...(message ? { message } : {}),
      ...(location ?? (currentFile ? { file: currentFile } : {})),
    });
    index = end - 1;
  }
  return failures;
}
