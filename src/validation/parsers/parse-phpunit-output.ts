import type { TestFailure } from '../validation-result.js';
import type { ParsedTests } from './parsed-output.js';
import { toCount, toPlainLines } from './plain-text.js';

/**
 * Read PHPUnit (9–11) and Pest's PHPUnit-style output: `OK (3 tests, 5 assertions)`
 * or `Tests: 4, Assertions: 2, Errors: 1, Failures: 1, Skipped: 1.`, and the
 * numbered `N) Class::method` blocks under "There was 1 failure:" whose last
 * `path.php:line` is where the test failed.
 */
export function parsePhpunitOutput(text: string): ParsedTests | null {
  const lines = toPlainLines(text);
  const ok = lines
    .map((line) => /^OK \((\d+) tests?, \d+ assertions?\)/.exec(line))
    .findLast((match) => match);
  if (ok)
    return {
      counts: { passed: toCount(ok[1]), failed: 0, skipped: 0 },
      failures: [],
      parsedFrom: 'PHPUnit output',
    };
  const totals = lines.findLast((line) => /^Tests: \d+, Assertions: \d+/.test(line));
  if (totals === undefined) return null;
  const read = (key: string): number => toCount(new RegExp(`\\b${key}: (\\d+)`).exec(totals)?.[1]);
  const failed = read('Failures') + read('Errors');
  const skipped = read('Skipped') + read('Incomplete');
  return {
    counts: { passed: Math.max(0, read('Tests') - failed - skipped - read('Risky')), failed, skipped },
    failures: readFailures(lines),
    parsedFrom: 'PHPUnit output',
  };
}

function readFailures(lines: string[]): TestFailure[] {
  const failures: TestFailure[] = [];
  let inProblems = false;
  lines.forEach((line, index) => {
    if (/^There (?:was|were) \d+ (?:failures?|errors?):$/.test(line)) inProblems = true;
    else if (
      /^There (?:was|were) \d+ (?:skipped|incomplete|risky|warnings?|deprecations?|notices?)/.test(line)
    )
      inProblems = false;
    const header = inProblems ? /^\d+\) (\S+::\S+.*)$/.exec(line) : null;
    if (!header?.[1]) return;
    let end = index + 1;
    while (
      end < lines.length &&
      !/^\d+\) \S+::|^--$|^(?:FAILURES!|ERRORS!|There (?:was|were) )/.test(lines[end] ?? '')
    )
      end += 1;
    const block = lines.slice(index + 1, end);
    const locations = block
      .map((row) => /^(\S+\.php):(\d+)$/.exec(row.trim()))
      .filter((match) => match !== null);
    const message = block
      .filter((row) => row.trim() && !/^\S+\.php:\d+$/.test(row.trim()))
      .slice(0, 4)
      .join('\n');
    const location = locations.at(-1);
    failures.push({
      name: header[1],
      ...(message ? { message } : {}),
      ...(location?.[1] ? { file: location[1], line: Number(location[2]) } : {}),
    });
  });
  return failures;
}
