import type { TestFailure } from '../validation-result.js';
import { findSourceLocation } from './failure-location.js';
import type { ParsedTests } from './parsed-output.js';
import { toCount, toPlainLines } from './plain-text.js';

const ASSEMBLY_SUMMARY =
  /^(?:Passed|Failed)!\s+-\s+Failed:\s+(\d+), Passed:\s+(\d+), Skipped:\s+(\d+), Total:\s+(\d+)/;

/**
 * Read `dotnet test` (VSTest console logger): one `Failed!  - Failed: 1, Passed: 2, …`
 * line per test assembly, summed, and the `Failed Name [time]` blocks with
 * their `Error Message:` and the `in path.cs:line N` stack frame.
 */
export function parseDotnetTestOutput(text: string): ParsedTests | null {
  const lines = toPlainLines(text);
  const summaries = lines.map((line) => ASSEMBLY_SUMMARY.exec(line.trim())).filter((match) => match !== null);
  if (summaries.length === 0) return null;
  return {
    counts: {
      passed: summaries.reduce((sum, match) => sum + toCount(match[2]), 0),
      failed: summaries.reduce((sum, match) => sum + toCount(match[1]), 0),
      skipped: summaries.reduce((sum, match) => sum + toCount(match[3]), 0),
    },
    failures: readFailures(lines),
    parsedFrom: 'dotnet test output',
  };
}

function readFailures(lines: string[]): TestFailure[] {
  const failures: TestFailure[] = [];
  lines.forEach((line, index) => {
    const header = /^\s+Failed (\S.*?) \[[^\]]+\]$/.exec(line);
    if (!header?.[1]) return;
    let end = index + 1;
    while (
      end < lines.length &&
      !/^\s+(?:Failed|Passed|Skipped) \S.* \[[^\]]+\]$|^(?:Passed|Failed)!/.test(lines[end] ?? '')
    )
      end += 1;
    const block = lines.slice(index + 1, end);
    const messageStart = block.findIndex((row) => row.trim() === 'Error Message:');
    const stackStart = block.findIndex((row) => row.trim() === 'Stack Trace:');
    const messageLines =
      messageStart === -1 ? [] : block.slice(messageStart + 1, stackStart === -1 ? undefined : stackStart);
    const message = messageLines
      .map((row) => row.trim())
      .filter(Boolean)
      .slice(0, 5)
      .join('\n');
    const location =
      stackStart === -1 ? undefined : findSourceLocation(block.slice(stackStart + 1).join('\n'));
    failures.push({ name: header[1], ...(message ? { message } : {}), ...(location ?? {}) });
  });
  return failures;
}
