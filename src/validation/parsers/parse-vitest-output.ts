import type { TestFailure } from '../validation-result.js';
import type { ParsedTests } from './parsed-output.js';
import { readTestCountWords, splitLocation, summarizeMessage, toPlainLines } from './plain-text.js';

/**
 * Read Vitest's default and verbose reporters: the `Tests  2 failed | 3 passed (5)`
 * summary and the `FAIL  file > suite > test` blocks with their `❯ file:line:col` location.
 */
export function parseVitestOutput(text: string): ParsedTests | null {
  const lines = toPlainLines(text);
  const summary = lines
    .map((line) => /^\s*Tests\s{2,}(.+?)\s*\(\d+\)\s*$/.exec(line)?.[1])
    .findLast((found) => found);
  if (summary === undefined || !lines.some((line) => /^\s*Test Files\s{2,}/.test(line))) return null;
  return {
    counts: readTestCountWords(summary),
    failures: readFailures(lines),
    parsedFrom: 'Vitest output',
  };
}

function readFailures(lines: string[]): TestFailure[] {
  const failures: TestFailure[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const header = /^\s*FAIL\s+(\S+?)\s+>\s+(.+)$/.exec(lines[index] ?? '');
    if (!header?.[1] || !header[2]) continue;
    let end = index + 1;
    while (end < lines.length && !/^\s*FAIL\s|⎯{3,}/.test(lines[end] ?? '')) end += 1;
    const block = lines.slice(index + 1, end);
    const locationLine = block.find((line) => /^\s*❯ \S+:\d+/.test(line));
    const location = locationLine ? splitLocation(locationLine.trim().slice(2)) : undefined;
    const message = summarizeMessage(
      block.filter((line) => !/^\s*❯ |^\s*\d*\s*\|/.test(line)),
      4,
    );
    failures.push({
      name: header[2].trim(),
      ...(message ? { message } : {}),
      file: location?.file ?? header[1],
      ...(location ? { line: location.line } : {}),
    });
    index = end - 1;
  }
  return failures;
}
