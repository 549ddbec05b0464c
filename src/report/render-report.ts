import { renderBugFixReport } from './render-bug-fix-report.js';
import { renderImplementationReport } from './render-implementation-report.js';
import type { ReportInput } from './report-input.js';

/** Renders the report in the format its type calls for. */
export function renderReport(input: ReportInput): string {
  return input.type === 'bugfix' ? renderBugFixReport(input) : renderImplementationReport(input);
}
