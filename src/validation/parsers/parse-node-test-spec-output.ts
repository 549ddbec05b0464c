import type { TestFailure } from '../validation-result.js';
import type { ParsedTests } from './parsed-output.js';
import { splitLocation, summarizeMessage, toCount, toPlainLines } from './plain-text.js';

/**
 * Read the `node --test` spec reporter (the default on a terminal and in
 * Node 20+ when piped): the `ℹ tests 5` / `ℹ pass 3` summary and the
 * `✖ failing tests:` section, whose `test at file:line:col` headers locate each failure.
 */
export function parseNodeTestSpecOutput(text: string): ParsedTests | null {
  const lines = toPlainLines(text);
  const totals = new Map<string, number>();
  for (const line of lines) {
    const match = /^ℹ (tests|pass|fail|cancelled|skipped|todo) (\d+)$/.exec(line.trim());
    if (match?.[1]) totals.set(match[1], toCount(match[2]));
  }
  if (!totals.has('tests') || !totals.has('pass')) return null;
  return {
    counts: {
      passed: totals.get('pass') ?? 0,
      failed: (totals.get('fail') ?? 0) + (totals.get('cancelled') ?? 0),
      skipped: (totals.get('skipped') ?? 0) + (totals.get('todo') ?? 0),
    },
    failures: readFailingTestsSection(lines),
    parsedFrom: 'node:test output',
  };
}

function readFailingTestsSection(lines: string[]): TestFailure[] {
  const start = lines.findIndex((line) => line.trim() === '✖ failing tests:');
  if (start === -1) return [];
  const failures: TestFailure[] = [];
  for (let index = start + 1; index < lines.length; index += 1) {
    const header = /^test at (.+)$/.exec(lines[index] ?? '');
    const title = /^✖ (.+?)(?: \([\d.]+m?s\))?$/.exec(lines[index + 1] ?? '');
    if (!header?.[1] || !title?.[1]) continue;
    const end = findNext(lines, index + 2, (line) => line.startsWith('test at '));
    const location = splitLocation(header[1]);
    const message = summarizeMessage(lines.slice(index + 2, end));
    failures.push({ name: title[1], ...(message ? { message } : {}), ...(location ?? {}) });
    index = end - 1;
  }
  return failures;
}

function findNext(lines: string[], from: number, predicate: (line: string) => boolean): number {
  for (let index = from; index < lines.length; index += 1) if (predicate(lines[index] ?? '')) return index;
  return lines.length;
}
