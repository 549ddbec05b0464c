import type { TestFailure } from '../validation-result.js';
import type { ParsedTests } from './parsed-output.js';
import { toCount, toPlainLines } from './plain-text.js';

/**
 * Read RSpec's progress/documentation output: `4 examples, 2 failures, 1 pending`,
 * the `rspec ./spec/x_spec.rb:8 # Description` re-run lines (file and line of
 * each failed example) and the numbered `Failures:` blocks for messages.
 */
export function parseRspecOutput(text: string): ParsedTests | null {
  const lines = toPlainLines(text);
  const summary = lines
    .map((line) =>
      /^(\d+) examples?, (\d+) failures?(?:, (\d+) pending)?(?:, (\d+) errors? occurred outside of examples)?/.exec(
        line,
      ),
    )
    .findLast((match) => match);
  if (!summary) return null;
  const examples = toCount(summary[1]);
  const failed = toCount(summary[2]);
  const pending = toCount(summary[3]);
  const messages = readFailureMessages(lines);
  const failures: TestFailure[] = [];
  for (const line of lines) {
    const rerun = /^rspec (\S+?):(\d+) # (.+)$/.exec(line);
    if (!rerun?.[1] || !rerun[3]) continue;
    const message = messages.get(rerun[3]);
    failures.push({
      name: rerun[3],
      ...(message ? { message } : {}),
      file: rerun[1].replace(/^\.\//, ''),
      line: Number(rerun[2]),
    });
  }
  return {
    counts: {
      passed: Math.max(0, examples - failed - pending),
      failed: failed + toCount(summary[4]),
      skipped: pending,
    },
    failures,
    parsedFrom: 'RSpec output',
  };
}

/** Description → the lines after `Failure/Error:` up to the backtrace, in the `Failures:` section. */
function readFailureMessages(lines: string[]): Map<string, string> {
  const messages = new Map<string, string>();
  const start = lines.findIndex((line) => line === 'Failures:');
  if (start === -1) return messages;
  let current: { name: string; lines: string[] } | undefined;
  const flush = (): void => {
    if (current) messages.set(current.name, current.lines.join('\n'));
  };
  for (const line of lines.slice(start + 1)) {
    const header = /^\s{2}\d+\) (.+)$/.exec(line);
    if (header?.[1]) {
      flush();
      current = { name: header[1], lines: [] };
    } else if (/^(?:Finished in|Failed examples:)/.test(line)) break;
    else if (current && line.trim() && !/^\s*# /.test(line) && current.lines.length < 6)
      current.lines.push(line.trim());
  }
  flush();
  return messages;
}
