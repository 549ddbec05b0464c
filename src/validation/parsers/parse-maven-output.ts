import type { TestFailure } from '../validation-result.js';
import type { ParsedTests } from './parsed-output.js';
import { toCount, toPlainLines } from './plain-text.js';

// Module totals; per-class lines go on with `, Time elapsed` and do not match. Surefire 2 prints no `[INFO]` prefix.
const TOTALS =
  /^(?:\[(?:INFO|WARNING|ERROR)\] )?Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)$/;
const LIST_HEADER = /^(?:\[ERROR\] )?(?:Failures|Errors|Failed tests|Tests in error):\s*$/;
const LIST_ENTRY = /^(?:\[ERROR\] )? {2}(\w[\w$]*)\.([\w$<>[\]]+?)(?::(\d+))?\s+(.*)$/;

/**
 * Read Maven Surefire/Failsafe console output: the per-module totals printed
 * after `Results:` (per-class lines carry `Time elapsed` and are not counted),
 * and the `Class.method:line message` entries listed under Failures/Errors.
 * Surefire's XML reports are preferred when present; this is the fallback.
 */
export function parseMavenOutput(text: string): ParsedTests | null {
  const lines = toPlainLines(text);
  const totals = lines.map((line) => TOTALS.exec(line.trim())).filter((match) => match !== null);
  if (totals.length === 0) return null;
  const run = totals.reduce((sum, match) => sum + toCount(match[1]), 0);
  const failed = totals.reduce((sum, match) => sum + toCount(match[2]) + toCount(match[3]), 0);
  const skipped = totals.reduce((sum, match) => sum + toCount(match[4]), 0);
  return {
    counts: { passed: Math.max(0, run - failed - skipped), failed, skipped },
    failures: readFailures(lines),
    parsedFrom: 'Maven output',
  };
}

function readFailures(lines: string[]): TestFailure[] {
  const failures: TestFailure[] = [];
  let inList = false;
  for (const line of lines) {
    if (LIST_HEADER.test(line)) inList = true;
    else if (line.trim() === '' || /^\[INFO\]|Tests run:/.test(line)) inList = false;
    const entry = inList ? LIST_ENTRY.exec(line) : null;
    if (!entry?.[1] || !entry[2] || /^Run \d+$/.test(`${entry[1]} ${entry[2]}`)) continue;
    failures.push({
      name: `${entry[1]}.${entry[2]}`,
      ...(entry[4] ? { message: entry[4].replace(/^» /, '') } : {}),
      ...(entry[3]
        ? { file: findSourceFile(lines, entry[1]) ?? `${entry[1]}.java`, line: Number(entry[3]) }
        : {}),
    });
  }
  return failures;
}

/** `at com.acme.FooTest.adds(FooTest.java:12)` in the detailed output gives the package folders. */
function findSourceFile(lines: string[], simpleClass: string): string | undefined {
  const frame = new RegExp(
    `at ((?:[\\w$]+\\.)*)${simpleClass}\\.[\\w$<>]+\\((${simpleClass}\\.(?:java|kt|groovy|scala)):\\d+\\)`,
  );
  for (const line of lines) {
    const match = frame.exec(line);
    if (match?.[2]) return `${(match[1] ?? '').replace(/\./g, '/')}${match[2]}`;
  }
  return undefined;
}
