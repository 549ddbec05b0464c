import type { LintIssue } from '../validation-result.js';
import { type ParsedLint, lintFromIssues } from './parsed-output.js';
import { toPlainLines } from './plain-text.js';

/**
 * Read TypeScript compiler diagnostics (`tsc --noEmit`, a common lint step):
 * plain `src/a.ts(3,15): error TS2551: …` and pretty `src/a.ts:3:15 - error TS2551: …`.
 */
export function parseTscOutput(text: string): ParsedLint | null {
  const issues: LintIssue[] = [];
  for (const line of toPlainLines(text)) {
    const match =
      /^(\S.*?\.[cm]?tsx?)\((\d+),\d+\): (error|warning) (TS\d+): (.*)$/.exec(line) ??
      /^(\S.*?\.[cm]?tsx?):(\d+):\d+ - (error|warning) (TS\d+): (.*)$/.exec(line);
    if (!match?.[1] || !match[5]) continue;
    issues.push({
      severity: match[3] === 'warning' ? 'warning' : 'error',
      message: match[5],
      rule: match[4],
      file: match[1],
      line: Number(match[2]),
    });
  }
  return issues.length > 0 ? lintFromIssues(issues, 'TypeScript compiler output') : null;
}
