import type { LintIssue } from '../validation-result.js';
import { type ParsedLint, lintFromIssues } from './parsed-output.js';
import { toPlainLines } from './plain-text.js';

/**
 * Read `ruff check` in its three text layouts: concise `path:1:8: F401 [*] message`,
 * the full layout of Ruff 0.5–0.11 (the same first line, then a code frame) and
 * the full layout of later versions (`F401 [*] message` then ` --> path:1:8`).
 * Ruff has no warnings: every violation fails the run, so each is an error.
 * Only read when Ruff's `Found N error(s).` or `All checks passed!` is present.
 */
export function parseRuffOutput(text: string): ParsedLint | null {
  const lines = toPlainLines(text);
  if (!lines.some((line) => /^Found \d+ errors?\.|^All checks passed!$/.test(line))) return null;
  const issues: LintIssue[] = [];
  lines.forEach((line, index) => {
    const inline = /^(\S+?):(\d+):\d+: ([A-Z]+\d+) (?:\[\*\] )?(.*)$/.exec(line);
    if (inline?.[1] && inline[3] && inline[4]) {
      issues.push({
        severity: 'error',
        message: inline[4],
        rule: inline[3],
        file: inline[1],
        line: Number(inline[2]),
      });
      return;
    }
    const heading = /^([A-Z]+\d+) (?:\[\*\] )?(.*)$/.exec(line);
    const pointer = /^\s*--> (\S+?):(\d+):\d+$/.exec(lines[index + 1] ?? '');
    if (heading?.[1] && heading[2] && pointer?.[1]) {
      issues.push({
        severity: 'error',
        message: heading[2],
        rule: heading[1],
        file: pointer[1],
        line: Number(pointer[2]),
      });
    }
  });
  return lintFromIssues(issues, 'Ruff output');
}
