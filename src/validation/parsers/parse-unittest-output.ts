import type { TestFailure } from '../validation-result.js';
import { findSourceLocation } from './failure-location.js';
import type { ParsedTests } from './parsed-output.js';
import { toCount, toPlainLines } from './plain-text.js';

/**
 * Read Python unittest (and Django's test runner, which prints the same):
 * `Ran 4 tests in 0.01s`, then `OK` or `FAILED (failures=1, errors=1, skipped=1)`,
 * and the `FAIL: test (module.Class.test)` tracebacks.
 */
export function parseUnittestOutput(text: string): ParsedTests | null {
  const lines = toPlainLines(text);
  const ranIndex = lines.findLastIndex((line) => /^Ran \d+ tests? in [\d.]+s$/.test(line));
  if (ranIndex === -1) return null;
  const total = toCount(/^Ran (\d+)/.exec(lines[ranIndex] ?? '')?.[1]);
  const verdict = lines.slice(ranIndex + 1).find((line) => /^(OK|FAILED)\b/.test(line)) ?? '';
  const read = (key: string): number => toCount(new RegExp(`\\b${key}=(\\d+)`).exec(verdict)?.[1]);
  const failed = read('failures') + read('errors') + read('unexpected successes');
  const skipped = read('skipped') + read('expected failures');
  return {
    counts: { passed: Math.max(0, total - failed - skipped), failed, skipped },
    failures: readFailures(lines.slice(0, ranIndex)),
    parsedFrom: 'unittest output',
  };
}

function readFailures(lines: string[]): TestFailure[] {
  const failures: TestFailure[] = [];
  lines.forEach((line, index) => {
    const header = /^(FAIL|ERROR): (\S+) \(([^)]+)\)/.exec(line);
    if (!header?.[2] || !header[3]) return;
    let end = index + 1;
    while (end < lines.length && !/^={20,}$|^-{20,}$/.test(lines[end] ?? '')) end += 1;
    // The separator right under the header opens the traceback; the block ends at the next one.
    end += 1;
    while (end < lines.length && !/^={20,}$|^-{20,}$/.test(lines[end] ?? '')) end += 1;
    const block = lines.slice(index + 1, end);
    const message = block
      .filter((row) => row.trim())
      .at(-1)
      ?.trim();
    const location = findSourceLocation(block.join('\n'));
    // Python 3.11+ prints `module.Class.test`; older versions only `module.Class`.
    const name = header[3].endsWith(`.${header[2]}`) ? header[3] : `${header[3]}.${header[2]}`;
    failures.push({ name, ...(message ? { message } : {}), ...(location ?? {}) });
  });
  return failures;
}
