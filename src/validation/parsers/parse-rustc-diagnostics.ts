import type { LintIssue } from '../validation-result.js';
import { type ParsedLint, lintFromIssues } from './parsed-output.js';
import { toPlainLines } from './plain-text.js';

/**
 * Read rustc and Clippy diagnostics (`cargo clippy`, `cargo build`): a
 * `warning: message` or `error[E0425]: message` heading, its ` --> path:line:col`
 * pointer, and the rule from `#[warn(clippy::rule)]`, the Clippy docs link or
 * the error code. Headings without a pointer are summaries and are skipped.
 */
export function parseRustcDiagnostics(text: string): ParsedLint | null {
  const lines = toPlainLines(text);
  const issues: LintIssue[] = [];
  lines.forEach((line, index) => {
    const heading = /^(warning|error)(?:\[(\w+)\])?: (.+)$/.exec(line);
    const pointer = /^\s*--> (\S+?):(\d+):\d+$/.exec(lines[index + 1] ?? '');
    if (!heading?.[1] || !heading[3] || !pointer?.[1]) return;
    let end = index + 2;
    while (end < lines.length && !/^(?:warning|error)(?:\[\w+\])?: /.test(lines[end] ?? '')) end += 1;
    const rule = heading[2] ?? findRule(lines.slice(index + 2, end));
    issues.push({
      severity: heading[1] === 'error' ? 'error' : 'warning',
      message: heading[3],
      ...(rule ? { rule } : {}),
      file: pointer[1],
      line: Number(pointer[2]),
    });
  });
  return issues.length > 0 ? lintFromIssues(issues, 'rustc/Clippy output') : null;
}

function findRule(block: string[]): string | undefined {
  for (const line of block) {
    const attribute =
      /#\[(?:warn|deny|forbid)\(([\w:]+)\)\]/.exec(line) ?? /`-D ([\w:-]+)` implied by/.exec(line);
    if (attribute?.[1]) return attribute[1].replace(/-/g, '_');
    const link = /rust-clippy\/[^#\s]+#([\w]+)/.exec(line);
    if (link?.[1]) return `clippy::${link[1]}`;
  }
  return undefined;
}
