import type {
  CommandResult,
  ProjectValidation,
  ValidationSummary,
} from '../../validation/validation-result.js';
import { code, details, fence, inline, table } from '../markdown.js';
import { renderCoverageLines } from './coverage-lines.js';

const OUTCOME_ICON: Record<string, string> = {
  passed: '✅',
  failed: '❌',
  'timed-out': '⏱️',
  skipped: '⏭️',
  error: '⚠️',
  'no-tests': '⚠️',
};

/** A project's result in words: no test ran is said as such, never as a pass. */
const PROJECT_RESULT: Record<ProjectValidation['outcome'], string> = {
  passed: '✅ passed',
  failed: '❌ failed',
  skipped: '⏭️ skipped',
  'no-tests': '⚠️ no tests ran',
};

function counts(result: CommandResult | undefined): string {
  if (!result) return '—';
  if (result.outcome === 'no-tests') {
    const skipped = result.tests?.counts.skipped ?? 0;
    return `no tests ran${skipped ? ` (${skipped} skipped)` : ''}`;
  }
  if (result.tests) {
    const { passed, failed, skipped } = result.tests.counts;
    return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
  }
  if (result.lint) return `${result.lint.errors} errors, ${result.lint.warnings} warnings`;
  if (result.outcome === 'skipped') return result.reason ?? 'skipped';
  if (result.outcome === 'passed') return result.kind === 'install' ? 'installed' : 'passed';
  if (result.outcome === 'timed-out') return 'timed out';
  const exit = `exit code ${result.exitCode ?? '—'}`;
  // The cause in words beats an exit code; a bare "first error line" is too long for a cell.
  return result.cause && result.cause.kind !== 'error-line'
    ? `${exit}: ${result.cause.summary.replace(/`/g, '')}`
    : exit;
}

/** One line for a command that failed without test failures or lint errors to show: its cause and the fix. */
function commandProblem(project: ProjectValidation, result: CommandResult): string {
  const cause = result.cause;
  const why = cause
    ? `${inline(cause.summary)}${cause.hint ? ` — ${inline(cause.hint)}` : ''}`
    : inline(result.reason ?? `exit code ${result.exitCode}`);
  return `- ${OUTCOME_ICON[result.outcome]} ${code(project.project)} ${result.kind} ${code(result.run)}: ${why}`;
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
    const parsed = (result.tests?.failures.length ?? 0) > 0 || (result.lint?.errors ?? 0) > 0;
    if (result.outcome === 'timed-out' || result.outcome === 'error' || !parsed)
      lines.push(commandProblem(project, result));
    else if (result.cause && result.cause.kind !== 'error-line')
      // Every test failing on a refused connection is one problem, said once.
      lines.push(commandProblem(project, result));
  }
  return lines;
}

function tail(project: ProjectValidation): string | undefined {
  const failed = project.commands.find(
    (c) => c.outcome === 'failed' || c.outcome === 'timed-out' || c.outcome === 'error',
  );
  if (!failed || !failed.outputTail.trim()) return undefined;
  const last = failed.outputTail.trimEnd().split('\n').slice(-30).join('\n');
  return details(`Last lines of ${failed.run} in ${project.project}`, fence(last, 'text'));
}

/** "Tests": real counts per project from the commands that ran, and the first failures. */
export function renderTestsSection(summary: ValidationSummary, why?: string): string {
  if (summary.status === 'skipped' && summary.projects.length === 0) {
    return `### Tests\n\nNot run${why ? `: ${inline(why)}` : ''}.`;
  }
  const rows = summary.projects.map((p) => [
    code(p.project),
    PROJECT_RESULT[p.outcome],
    cell(p.commands.find((c) => c.kind === 'install')),
    cell(p.commands.find((c) => c.kind === 'test')),
    cell(p.commands.find((c) => c.kind === 'lint')),
  ]);
  const lines = ['### Tests', '', table(['Project', 'Result', 'Install', 'Tests', 'Lint'], rows)];
  const coverage = renderCoverageLines(summary);
  if (coverage.length) lines.push('', ...coverage);
  const failing = summary.projects.flatMap(failures);
  if (failing.length) lines.push('', '**First failures**', ...failing.slice(0, 15));
  const tails = summary.projects
    .map(tail)
    .filter((t): t is string => t !== undefined)
    .slice(0, 3);
  if (tails.length) lines.push('', ...tails);
  return lines.join('\n');
}
