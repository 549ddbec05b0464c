import type { LintIssue } from '../validation-result.js';
import { type ParsedLint, lintFromIssues } from './parsed-output.js';
import { toPlainLines } from './plain-text.js';

/**
 * Read RuboCop's progress/clang formatters: `lib/user.rb:3:5: W: Lint/UselessAssignment: message`
 * (with an optional `[Correctable]`). E (error) and F (fatal) are errors;
 * C (convention), R (refactor), W (warning) and I (info) are warnings.
 */
export function parseRubocopOutput(text: string): ParsedLint | null {
  const lines = toPlainLines(text);
  if (!lines.some((line) => /^\d+ files? inspected, /.test(line))) return null;
  const issues: LintIssue[] = [];
  for (const line of lines) {
    const match = /^(\S+?):(\d+):\d+: ([CRWEFI]): (?:\[Correctable\] )?([A-Z][\w]*\/[\w]+): (.*)$/.exec(line);
    if (!match?.[1] || !match[4] || !match[5]) continue;
    issues.push({
      severity: /^[EF]$/.test(match[3] ?? '') ? 'error' : 'warning',
      message: match[5],
      rule: match[4],
      file: match[1],
      line: Number(match[2]),
    });
  }
  return lintFromIssues(issues, 'RuboCop output');
}
