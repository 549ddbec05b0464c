import type { TestFailure } from '../validation-result.js';
import type { ParsedTests } from './parsed-output.js';
import { toCount, toPlainLines } from './plain-text.js';

/**
 * Read Gradle's console test summary: `4 tests completed, 2 failed, 1 skipped`
 * (one per module that had failures) and `Class > method() FAILED` lines with
 * the `Exception at File.java:18` line under them. Gradle prints nothing when
 * all tests pass, so its XML reports in build/test-results are the main source.
 */
export function parseGradleOutput(text: string): ParsedTests | null {
  const lines = toPlainLines(text);
  const totals = lines
    .map((line) => /^(\d+) tests? completed, (\d+) failed(?:, (\d+) skipped)?/.exec(line))
    .filter((match) => match !== null);
  if (totals.length === 0) return null;
  const total = totals.reduce((sum, match) => sum + toCount(match[1]), 0);
  const failed = totals.reduce((sum, match) => sum + toCount(match[2]), 0);
  const skipped = totals.reduce((sum, match) => sum + toCount(match[3]), 0);
  return {
    counts: { passed: Math.max(0, total - failed - skipped), failed, skipped },
    failures: readFailures(lines),
    parsedFrom: 'Gradle output',
  };
}

function readFailures(lines: string[]): TestFailure[] {
  const failures: TestFailure[] = [];
  lines.forEach((line, index) => {
    const header = /^(\S.*?) > (.+) FAILED$/.exec(line);
    if (!header?.[1] || !header[2] || header[1].startsWith('>')) return;
    const detail = (lines[index + 1] ?? '').trim();
    const location = /^(.*?) at (\S+\.(?:java|kt|groovy|scala)):(\d+)$/.exec(detail);
    failures.push({
      name: `${header[1]} > ${header[2]}`,
      ...(detail ? { message: location?.[1] ?? detail } : {}),
      ...(location?.[2] ? { file: location[2], line: Number(location[3]) } : {}),
    });
  });
  return failures;
}
