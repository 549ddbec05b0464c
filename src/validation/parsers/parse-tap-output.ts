import { Parser, type Result } from 'tap-parser';
import type { TestCounts, TestFailure } from '../validation-result.js';
import type { ParsedTests } from './parsed-output.js';
import { splitLocation, stripAnsi } from './plain-text.js';

/**
 * Read TAP of any dialect (node:test's TAP reporter, node-tap, tape, mocha's TAP reporter)
 * with the node-tap project's own parser. A test is a leaf test point: a point that closes a
 * subtest or suite is not counted again, so a failed suite is one failure, not two; todo tests
 * count as skipped. Text around the stream (npm's banner) is ignored.
 */
export function parseTapOutput(text: string): ParsedTests | null {
  const plain = stripAnsi(text).replace(/\r\n?/g, '\n');
  if (!/^TAP version \d+$|^\s*1\.\.\d+$/m.test(plain)) return null;
  const counts: TestCounts = { passed: 0, failed: 0, skipped: 0 };
  const failures: TestFailure[] = [];
  const parser = new Parser({ passes: true });
  collectLeaves(parser, counts, failures);
  parser.end(plain);
  if (counts.passed + counts.failed + counts.skipped === 0 && !/^\s*1\.\.0\b/m.test(plain)) return null;
  return { counts, failures, parsedFrom: 'TAP output' };
}

/** Count the leaf test points of a parser and of every subtest parser under it. */
function collectLeaves(parser: Parser, counts: TestCounts, failures: TestFailure[]): void {
  let openSubtests = 0;
  parser.on('child', (child: Parser) => {
    openSubtests += 1;
    collectLeaves(child, counts, failures);
  });
  parser.on('assert', (point: Result) => {
    // The point right after a subtest (or a buffered `{ … }` one) is that subtest's own result.
    if (openSubtests > 0 || point.buffered) {
      openSubtests = Math.max(0, openSubtests - 1);
      return;
    }
    if (point.skip || point.todo) counts.skipped += 1;
    else if (point.ok) counts.passed += 1;
    else {
      counts.failed += 1;
      failures.push(describeFailure(point));
    }
  });
}

function describeFailure(point: Result): TestFailure {
  const diag: Record<string, unknown> = point.diag ?? {};
  const message = [diag.error, diag.message].find((value): value is string => typeof value === 'string');
  return {
    name: point.fullname || point.name || `test ${point.id}`,
    ...(message?.trim() ? { message: message.trim() } : {}),
    ...(locationOf(diag) ?? {}),
  };
}

/** Where the failure is: node:test's `location`, node-tap's `at: { fileName, lineNumber }`, tape's `at: "… (file:line:col)"`. */
function locationOf(diag: Record<string, unknown>): { file: string; line?: number } | undefined {
  if (typeof diag.location === 'string') return splitLocation(diag.location);
  const at = diag.at;
  if (typeof at === 'object' && at !== null) {
    const { fileName, lineNumber } = at as { fileName?: unknown; lineNumber?: unknown };
    if (typeof fileName === 'string')
      return { file: fileName, ...(typeof lineNumber === 'number' ? { line: lineNumber } : {}) };
  }
  if (typeof at === 'string') {
    const inParens = /\(([^()]+:\d+(?::\d+)?)\)\s*$/.exec(at)?.[1] ?? at;
    return splitLocation(inParens);
  }
  return undefined;
}
