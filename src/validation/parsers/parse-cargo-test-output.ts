import type { TestFailure } from '../validation-result.js';
import type { ParsedTests } from './parsed-output.js';
import { toCount, toPlainLines } from './plain-text.js';

const RESULT_LINE =
  /^test result: (?:ok|FAILED)\. (\d+) passed; (\d+) failed; (\d+) ignored; \d+ measured; \d+ filtered out/;

/**
 * Read `cargo test`: one `test result:` line per test binary (unit, each
 * integration file, doc-tests) summed, and the `---- name stdout ----` blocks
 * with the panic location (`panicked at src/lib.rs:17:9:` since Rust 1.73,
 * `panicked at 'message', src/lib.rs:17:9` before).
 */
export function parseCargoTestOutput(text: string): ParsedTests | null {
  const lines = toPlainLines(text);
  const results = lines.map((line) => RESULT_LINE.exec(line)).filter((match) => match !== null);
  if (results.length === 0) return null;
  return {
    counts: {
      passed: results.reduce((total, match) => total + toCount(match[1]), 0),
      failed: results.reduce((total, match) => total + toCount(match[2]), 0),
      skipped: results.reduce((total, match) => total + toCount(match[3]), 0),
    },
    failures: readFailures(lines),
    parsedFrom: 'cargo test output',
  };
}

function readFailures(lines: string[]): TestFailure[] {
  const failures: TestFailure[] = [];
  lines.forEach((line, index) => {
    const header = /^---- (\S+) stdout ----$/.exec(line);
    if (!header?.[1]) return;
    let end = index + 1;
    while (end < lines.length && !/^---- \S+ stdout ----$|^failures:$/.test(lines[end] ?? '')) end += 1;
    failures.push({ name: header[1], ...readPanic(lines.slice(index + 1, end)) });
  });
  return failures;
}

function readPanic(block: string[]): Omit<TestFailure, 'name'> {
  const index = block.findIndex((line) => /^thread '.*' (?:\(\d+\) )?panicked at /.test(line));
  if (index === -1) return {};
  const panicLine = block[index] ?? '';
  const modern = /panicked at ([^\s:]+):(\d+):\d+:$/.exec(panicLine);
  if (modern?.[1]) {
    const message = block
      .slice(index + 1)
      .filter((line) => line.trim() && !/^(?:stack backtrace|note):/.test(line))
      .slice(0, 3);
    const end = message.findIndex((line) => /^\s+\d+: /.test(line));
    const kept = (end === -1 ? message : message.slice(0, end)).map((line) => line.trim());
    return {
      ...(kept.length > 0 ? { message: kept.join('\n') } : {}),
      file: modern[1],
      line: Number(modern[2]),
    };
  }
  const legacy = /panicked at '(.*)', ([^\s:]+):(\d+):\d+$/.exec(panicLine);
  return legacy?.[2] ? { message: legacy[1] ?? '', file: legacy[2], line: Number(legacy[3]) } : {};
}
