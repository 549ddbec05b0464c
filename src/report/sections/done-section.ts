import type { ReportInput } from '../report-input.js';
import { describeCoverage } from './coverage-lines.js';

function box(done: boolean, text: string): string {
  return `- [${done ? 'x' : ' '}] ${text}`;
}

function lintErrors(input: ReportInput): number {
  return input.validation.projects
    .flatMap((p) => p.commands)
    .reduce(
      (n, c) =>
        n +
        (c.kind === 'lint' && c.outcome !== 'passed' && c.outcome !== 'skipped'
          ? Math.max(1, c.lint?.errors ?? 0)
          : 0),
      0,
    );
}

function lintRan(input: ReportInput): boolean {
  return input.validation.projects.some((p) =>
    p.commands.some((c) => c.kind === 'lint' && c.outcome !== 'skipped'),
  );
}

/** The seeds' coverage goal, against the changed lines: unchecked unless a report measured them. */
function coverageBox(input: ReportInput): string {
  const threshold = input.coverageThreshold ?? 80;
  const goal = `Changed lines covered ≥ ${threshold}%`;
  const total = input.validation.coverage;
  if (total)
    return box(
      (total.covered * 100) / total.total >= threshold,
      `${goal} — ${describeCoverage(total.covered, total.total, total.percent)}`,
    );
  if (!input.validation.projects.some((p) => p.coverage))
    return box(false, `${goal} — tests not run in this report`);
  const reported = input.validation.projects.some((p) => (p.coverage?.reports.length ?? 0) > 0);
  return box(
    false,
    `${goal} — ${reported ? 'no changed line is measured by the coverage report' : 'no coverage report found'}`,
  );
}

/** The seeds' Definition of Done, each box ticked only from a real result of this run. */
export function renderDoneSection(input: ReportInput): string {
  const { validation } = input;
  const testsRan = validation.projects.some((p) =>
    p.commands.some((c) => c.kind === 'test' && c.outcome !== 'skipped'),
  );
  const high = input.findings.filter((f) => f.severity === 'high').length;
  const errors = lintErrors(input);
  const withoutTests = validation.projects
    .filter((p) => p.commands.some((c) => c.kind === 'test' && c.outcome === 'no-tests'))
    .map((p) => `\`${p.project}\``);
  const lines = ['### Definition of Done', ''];
  if (!testsRan) lines.push(box(false, 'Tests passing — not run in this report'));
  else if (withoutTests.length > 0 && validation.status !== 'failed')
    lines.push(box(false, `Tests passing — no tests ran in ${withoutTests.join(', ')}`));
  else
    lines.push(
      box(
        validation.status === 'passed',
        validation.status === 'passed' ? 'Tests passing' : 'Tests passing — some failed (see Tests)',
      ),
    );
  if (!lintRan(input)) lines.push(box(false, 'No linter errors — no linter ran'));
  else
    lines.push(box(errors === 0, errors === 0 ? 'No linter errors' : `No linter errors — ${errors} found`));
  lines.push(coverageBox(input));
  lines.push(
    box(
      high === 0,
      high === 0 ? 'No high-severity review findings' : `No high-severity review findings — ${high} found`,
    ),
  );
  lines.push(
    box(true, input.type === 'bugfix' ? 'Bug Fix Report delivered' : 'Implementation Report delivered'),
  );
  return lines.join('\n');
}
