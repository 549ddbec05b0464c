import type { TestFailure } from '../validation-result.js';
import type { ParsedTests } from './parsed-output.js';
import { readCountWords, toPlainLines } from './plain-text.js';

/**
 * Read `mix test` (ExUnit): `1 doctest, 4 tests, 2 failures, 1 skipped` and
 * the numbered `N) test name (Module)` blocks: the line under the header is
 * the test's location, the `stacktrace:` frame in the same file the failing line.
 */
export function parseExunitOutput(text: string): ParsedTests | null {
  const lines = toPlainLines(text);
  const summary = lines.findLast((line) =>
    /^(?:\d+ doctests?, )?(?:\d+ propert(?:y|ies), )?\d+ tests?, \d+ failures?/.test(line),
  );
  if (summary === undefined) return null;
  const counts = readCountWords(summary);
  const total = ['doctest', 'doctests', 'test', 'tests', 'property', 'properties'].reduce(
    (sum, word) => sum + (counts.get(word) ?? 0),
    0,
  );
  const failed = (counts.get('failure') ?? 0) + (counts.get('failures') ?? 0) + (counts.get('invalid') ?? 0);
  const skipped = (counts.get('skipped') ?? 0) + (counts.get('excluded') ?? 0);
  return {
    counts: { passed: Math.max(0, total - failed - skipped), failed, skipped },
    failures: readFailures(lines),
    parsedFrom: 'ExUnit output',
  };
}

function readFailures(lines: string[]): TestFailure[] {
  const failures: TestFailure[] = [];
  lines.forEach((line, index) => {
    const header = /^\s{2}\d+\) (.+)$/.exec(line);
    const declared = /^\s+(\S+\.exs?):(\d+)$/.exec(lines[index + 1] ?? '');
    if (!header?.[1] || !declared?.[1]) return;
    let end = index + 2;
    while (end < lines.length && (lines[end] ?? '').trim() !== '') end += 1;
    const block = lines.slice(index + 2, end);
    const stackStart = block.findIndex((row) => row.trim() === 'stacktrace:');
    const messageLines = (stackStart === -1 ? block : block.slice(0, stackStart)).map((row) => row.trim());
    const frame = block
      .slice(stackStart + 1)
      .map((row) => /^\s+(\S+\.exs?):(\d+):/.exec(row))
      .find((match) => match?.[1] === declared[1]);
    failures.push({
      name: header[1],
      ...(messageLines.length > 0 ? { message: messageLines.slice(0, 5).join('\n') } : {}),
      file: declared[1],
      line: Number(frame?.[2] ?? declared[2]),
    });
  });
  return failures;
}
