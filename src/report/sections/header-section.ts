import { code, inline } from '../markdown.js';
import type { ReportInput } from '../report-input.js';

export const REPORT_MARKER = '<!-- backend-developer:report -->';

/** The title line in the seeds' format, and one line on how the report type was decided. */
export function renderHeader(input: ReportInput): string {
  const kind = input.type === 'bugfix' ? 'Bug Fix Report' : 'Backend Feature Delivered';
  const number = input.prNumber ? ` (#${input.prNumber})` : '';
  const commit = input.commit.sha ? ` at ${code(input.commit.sha.slice(0, 7))}` : '';
  const lines = [
    `## ${kind} – ${inline(input.title || 'Untitled change')}${number} (${input.date})`,
    '',
    `<sub>Report type: **${input.type === 'bugfix' ? 'bug fix' : 'implementation'}**, decided by ${inline(input.typeSignal)}. Analysed${commit}.</sub>`,
  ];
  if (input.commit.note) lines.push('', `> [!NOTE]\n> ${inline(input.commit.note)}`);
  return lines.join('\n');
}
