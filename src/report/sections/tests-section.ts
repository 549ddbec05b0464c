import type {
  CommandResult,
  ProjectValidation,
  ValidationSummary,
} from '../../validation/validation-result.js';
import { code, details, inline, table } from '../markdown.js';

const OUTCOME_ICON: Record<string, string> = {
  passed: '✅',
  failed: '❌',
  'timed-out': '⏱️',
  skipped: '⏭️',
  error: '⚠️',
};

function counts(result: CommandResult | undefined): string {
  if (!result) return '—';
  if (result.tests) {
    const { passed, failed, skipped } = result.tests.counts;
    return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
  }
  if (result.lint) return `${result.lint.errors} errors, ${result.lint.warnings} warnings`;
  if (result.outcome === 'skipped') return result.reason ?? 'skipped';
  if (result.outcome === 'passed') return result.kind === 'install' ? 'installed' : 'passed';
  return result.outcome === 'timed-out' ? 'timed out' : `exit code ${result.exitCode ?? '—'}`;
}

function cell(result: CommandResult | undefined): string {
  if (!result) return '—';
  return `${OUTCOME_ICON[result.outcome] ?? ''} ${inline(counts(result))}`;
}

function failures(project: ProjectValidation): string[] {
  const lines: string[] = [];
  for (const result of project.commands) {
    if (result.outcome === 'passed' || result.outcome === 'skipped') continue;
    for (const f of result.tests?.failures.slice(0, 5) ?? []) {
      const where = f.file ? ` (${code(f.file + (f.line ? `:${f.line}` : ''))})` : '';
      lines.push(
        `- ❌ ${code(project.project)} ${inline(f.name)}${where}${f.message ? `: ${inline(f.message.slice(0, 200))}` : ''}`,
      );
    }
    for (const issue of result.lint?.issues.filter((i) => i.severity === 'error').slice(0, 5) ?? []) {
      const where = issue.file ? `${code(issue.file + (issue.line ? `:${issue.line}` : ''))} ` : '';
      lines.push(
        `- ❌ ${code(project.project)} ${where}${inline(issue.message.slice(0, 200))}${issue.rule ? ` (${code(issue.rule)})` : ''}`,
      );
    }
    if (result.outcome === 'timed-out' || result.outcome === 'error' || (!result.tests && !result.lint)) {
      lines.push(
        `- ${OUTCOME_ICON[result.outcome]} ${code(project.project)} ${result.kind} ${code(result.run)}: ${inline(result.reason ?? `exit code ${result.exitCode}`)}`,
      );
    }
  }
  return lines;
}

function tail(project: ProjectValidation): string | undefined {
  const failed = project.commands.find(
    (c) => c.outcome === 'failed' || c.outcome === 'timed-out' || c.outcome === 'error',
  );
  if (!failed || !failed.outputTail.trim()) return undefined;
  const last = failed.outputTail.trimEnd().split('\n').slice(-30).join('\n').replace(/```/g, "'''");
  return details(
    `Last lines of ${inline(failed.run)} in ${inline(project.project)}`,
    '```text\n' + last + '\n```',
  );
}

/** "Tests": real counts per project from the commands that ran, and the first failures. */
export function renderTestsSection(summary: ValidationSummary, why?: string): string {
  if (summary.status === 'skipped' && summary.projects.length === 0) {
    return `### Tests\n\nNot run${why ? `: ${inline(why)}` : ''}.`;
  }
  const rows = summary.projects.map((p) => [
    code(p.project),
    `${OUTCOME_ICON[p.outcome] ?? ''} ${p.outcome}`,
    cell(p.commands.find((c) => c.kind === 'install')),
    cell(p.commands.find((c) => c.kind === 'test')),
    cell(p.commands.find((c) => c.kind === 'lint')),
  ]);
  const lines = ['### Tests', '', table(['Project', 'Result', 'Install', 'Tests', 'Lint'], rows)];
  const failing = summary.projects.flatMap(failures);
  if (failing.length) lines.push('', '**First failures**', ...failing.slice(0, 15));
  const tails = summary.projects
    .map(tail)
    .filter((t): t is string => t !== undefined)
    .slice(0, 3);
  if (tails.length) lines.push('', ...tails);
  return lines.join('\n');
}
