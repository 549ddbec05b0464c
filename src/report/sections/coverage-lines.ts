import type { ProjectValidation, ValidationSummary } from '../../validation/validation-result.js';
import { code } from '../markdown.js';

/** The most files listed under a project, worst first. */
const WORST_FILES = 3;

/** `42/50 (84%)`. */
export function describeCoverage(covered: number, total: number, percent: number): string {
  return `${covered}/${total} (${percent}%)`;
}

/** `12–14, 20`: consecutive lines folded into ranges. */
function lineRanges(lines: readonly number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === (lines[j] ?? 0) + 1) j++;
    ranges.push(i === j ? `${lines[i]}` : `${lines[i]}–${lines[j]}`);
    i = j + 1;
  }
  return ranges.slice(0, 8).join(', ') + (ranges.length > 8 ? ', …' : '');
}

function projectLines(project: ProjectValidation): string[] {
  const coverage = project.coverage;
  const test = project.commands.find((c) => c.kind === 'test');
  if (!coverage || !test || test.outcome === 'skipped') return [];
  if (coverage.reports.length === 0) return [`- ${code(project.project)}: no coverage report found`];
  const from = coverage.reports.map((r) => code(r.path)).join(', ');
  const changed = coverage.changed;
  if (!changed) {
    const { covered, total, percent } = coverage.overall;
    return [
      `- ${code(project.project)}: ${percent ?? 0}% of ${total} measured lines covered (${covered}) — ${from}`,
    ];
  }
  if (changed.percent === null) return [`- ${code(project.project)}: no changed line is measured by ${from}`];
  const lines = [
    `- ${code(project.project)}: Changed lines covered: ${describeCoverage(changed.covered, changed.total, changed.percent)} — ${from}`,
  ];
  for (const file of changed.files.filter((f) => f.uncovered.length > 0).slice(0, WORST_FILES))
    lines.push(
      `  - ${code(file.path)}: ${file.uncovered.length} uncovered (line${file.uncovered.length === 1 ? '' : 's'} ${lineRanges(file.uncovered)})`,
    );
  if (changed.notMeasured.length > 0)
    lines.push(
      `  - not in the report: ${changed.notMeasured.slice(0, 5).map(code).join(', ')}${changed.notMeasured.length > 5 ? ', …' : ''}`,
    );
  return lines;
}

/** "Coverage of changed lines": per project, from the reports the test run wrote. */
export function renderCoverageLines(summary: ValidationSummary): string[] {
  const lines = summary.projects.flatMap(projectLines);
  if (lines.length === 0) return [];
  const total = summary.coverage;
  const heading = total
    ? `**Changed lines covered: ${describeCoverage(total.covered, total.total, total.percent)}**`
    : '**Coverage**';
  return [heading, ...lines];
}
