import type { LintIssue } from '../validation-result.js';
import { type ParsedLint, lintFromIssues } from './parsed-output.js';
import { toPlainLines } from './plain-text.js';

/**
 * Read pylint's default text format: `path.py:3:0: W0611: Unused import os (unused-import)`.
 * E (error) and F (fatal) messages are errors; C, R, W and I are warnings.
 */
export function parsePylintOutput(text: string): ParsedLint | null {
  const issues: LintIssue[] = [];
  for (const line of toPlainLines(text)) {
    const match = /^(\S+?\.pyi?):(\d+):\d+: ([CRWEFI]\d{4}): (.*?)(?: \(([\w-]+)\))?$/.exec(line);
    if (!match?.[1] || !match[3] || !match[4]) continue;
    const severity = /^[EF]/.test(match[3]) ? 'error' : 'warning';
    issues.push({
      severity,
      message: match[4],
      rule: match[5] ?? match[3],
      file: match[1],
      line: Number(match[2]),
    });
  }
  return issues.length > 0 ? lintFromIssues(issues, 'pylint output') : null;
}
