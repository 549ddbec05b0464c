import type { LintIssue } from '../validation-result.js';
import { type ParsedLint, lintFromIssues } from './parsed-output.js';
import { toPlainLines } from './plain-text.js';

/**
 * Read mypy (and pyright's CLI in mypy style): `app.py:12: error: message  [code]`,
 * with an optional column. `note:` lines explain the error above them and are skipped.
 */
export function parseMypyOutput(text: string): ParsedLint | null {
  const issues: LintIssue[] = [];
  for (const line of toPlainLines(text)) {
    const match = /^(\S+?\.pyi?):(\d+)(?::\d+)?: (error|warning): (.*?)(?:\s{2}\[([\w-]+)\])?$/.exec(line);
    if (!match?.[1] || !match[4]) continue;
    issues.push({
      severity: match[3] === 'warning' ? 'warning' : 'error',
      message: match[4],
      ...(match[5] ? { rule: match[5] } : {}),
      file: match[1],
      line: Number(match[2]),
    });
  }
  return issues.length > 0 ? lintFromIssues(issues, 'mypy output') : null;
}
