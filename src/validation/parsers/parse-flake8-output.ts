import type { LintIssue } from '../validation-result.js';
import { type ParsedLint, lintFromIssues } from './parsed-output.js';
import { toPlainLines } from './plain-text.js';

/**
 * Read flake8's default format `path.py:3:1: F401 'os' imported but unused`
 * (pycodestyle's W codes are warnings by name, everything else an error).
 * Pylint's `path.py:1:0: C0114: message (symbol)` is left to its own reader.
 */
export function parseFlake8Output(text: string): ParsedLint | null {
  const issues: LintIssue[] = [];
  for (const line of toPlainLines(text)) {
    const match = /^(\S+?\.pyi?):(\d+):\d+: ([A-Z]+\d+) (.*)$/.exec(line);
    if (!match?.[1] || !match[3] || !match[4]) continue;
    const severity = match[3].startsWith('W') ? 'warning' : 'error';
    issues.push({
      severity,
      message: match[4].replace(/^\[\*\] /, ''),
      rule: match[3],
      file: match[1],
      line: Number(match[2]),
    });
  }
  return issues.length > 0 ? lintFromIssues(issues, 'flake8 output') : null;
}
