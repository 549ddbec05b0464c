import type { ReportInput } from '../report/report-input.js';
import type { ActionEnvironment } from './action-environment.js';

/**
 * Job summary, report file and step outputs, written before anything goes to GitHub so that no
 * GitHub failure can lose them. `comment-url` is set once the comment is posted.
 */
export async function writeResults(
  env: ActionEnvironment,
  input: ReportInput,
  markdown: string,
): Promise<void> {
  const { sink } = env;
  await sink.writeSummary(markdown);
  const reportPath = await sink.writeReportFile(markdown);
  const areas = input.handoffs.map((h) => h.area);
  sink.setOutput('report-type', input.type);
  sink.setOutput('projects', JSON.stringify(input.discovery.projects));
  sink.setOutput('matrix', JSON.stringify({ project: input.affectedProjects }));
  sink.setOutput('validation', input.validation.status);
  sink.setOutput('handoffs', JSON.stringify(areas));
  sink.setOutput('findings', String(input.findings.length));
  sink.setOutput('coverage', input.validation.coverage ? String(input.validation.coverage.percent) : '');
  sink.setOutput('report', reportPath);
}
