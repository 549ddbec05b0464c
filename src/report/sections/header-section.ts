import { code, inline } from '../markdown.js';
import type { ReportInput } from '../report-input.js';

export const REPORT_MARKER = '<!-- backend-developer:report -->';

/** The heading and the kind's name in the "Report type" line. */
function headingOf(input: ReportInput): { heading: string; kind: string } {
  if (input.type === 'bugfix') return { heading: 'Bug Fix Report', kind: 'bug fix' };
  // PRODUCT.md: a refactor, chore or dependency update uses the Implementation format headed "Backend Change Delivered".
  if (input.kind !== undefined && input.kind !== 'feature')
    return { heading: 'Backend Change Delivered', kind: 'change (no new feature)' };
  return { heading: 'Backend Feature Delivered', kind: 'feature' };
}

/** The title line in the seeds' format, and one line on how the report type was decided. */
export function renderHeader(input: ReportInput): string {
  const { heading, kind } = headingOf(input);
  const number = input.prNumber ? ` (#${input.prNumber})` : '';
  const commit = input.commit.sha ? ` at ${code(input.commit.sha.slice(0, 7))}` : '';
  const lines = [
    `## ${heading} – ${inline(input.title || 'Untitled change')}${number} (${input.date})`,
    '',
    `<sub>Report type: **${kind}**, decided by ${inline(input.typeSignal)}. Analysed${commit}.</sub>`,
  ];
  if (input.commit.note) lines.push('', `> [!NOTE]\n> ${inline(input.commit.note)}`);
  return lines.join('\n');
}
