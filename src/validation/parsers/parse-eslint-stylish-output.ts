import type { LintIssue } from '../validation-result.js';
import { type ParsedLint, lintFromIssues } from './parsed-output.js';
import { toPlainLines } from './plain-text.js';

/**
 * Read ESLint's default `stylish` formatter: a file path line, then indented
 * `line:column  error|warning  message  rule` rows, then `✖ N problems`.
 */
export function parseEslintStylishOutput(text: string): ParsedLint | null {
  const lines = toPlainLines(text);
  if (!lines.some((line) => /^✖ \d+ problems? \(\d+ errors?, \d+ warnings?\)/.test(line))) return null;
  const issues: LintIssue[] = [];
  let file: string | undefined;
  for (const line of lines) {
    if (/^\S/.test(line) && !line.startsWith('✖')) file = line.trim();
    const row = /^\s+(\d+):\d+\s+(error|warning)\s+(.+?)(?:\s{2,}(\S+))?\s*$/.exec(line);
    if (!row?.[2] || !row[3] || !file) continue;
    issues.push({
      severity: row[2] === 'error' ? 'error' : 'warning',
      message: row[3],
      ...(row[4] ? { rule: row[4] } : {}),
      file,
      line: Number(row[1]),
    });
  }
  return lintFromIssues(issues, 'ESLint output');
}
