import type { LintIssue } from '../validation-result.js';
import { type ParsedLint, lintFromIssues } from './parsed-output.js';
import { toPlainLines } from './plain-text.js';

/**
 * Read golangci-lint's text output (v1 and v2): `main.go:12:2: message (linter)`,
 * and `go vet`'s `./main.go:12:2: message` lines. golangci-lint fails on every
 * issue unless severities are configured, so all are errors.
 */
export function parseGolangciLintOutput(text: string): ParsedLint | null {
  const issues: LintIssue[] = [];
  for (const line of toPlainLines(text)) {
    const match = /^(?:\.\/)?(\S+?\.go):(\d+)(?::\d+)?: (.*?)(?: \(([\w-]+)\))?$/.exec(line);
    if (!match?.[1] || !match[3]) continue;
    issues.push({
      severity: 'error',
      message: match[3],
      ...(match[4] ? { rule: match[4] } : {}),
      file: match[1],
      line: Number(match[2]),
    });
  }
  return issues.length > 0 ? lintFromIssues(issues, 'golangci-lint output') : null;
}
