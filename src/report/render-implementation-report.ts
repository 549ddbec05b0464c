import type { ReportInput } from './report-input.js';
import { renderModelDesignNotes, renderSummarySection } from './sections/model-sections.js';
import { renderDatabaseSection } from './sections/database-section.js';
import { renderDesignNotesSection } from './sections/design-notes-section.js';
import { renderEndpointsSection } from './sections/endpoints-section.js';
import { renderEnvVarsSection } from './sections/env-vars-section.js';
import { renderDependencyReviewSection } from './sections/dependency-review-section.js';
import { renderHandoffsSection } from './sections/handoffs-section.js';
import { renderDoneSection } from './sections/done-section.js';
import { renderFilesSection } from './sections/files-section.js';
import { renderFooter } from './sections/footer-section.js';
import { REPORT_MARKER, renderHeader } from './sections/header-section.js';
import { renderNextStepsSection } from './sections/next-steps-section.js';
import { renderStackSection } from './sections/stack-section.js';
import { renderTestsSection } from './sections/tests-section.js';

/** The Implementation Report, in the seeds' field order. */
export function renderImplementationReport(input: ReportInput): string {
  return [
    REPORT_MARKER,
    renderHeader(input),
    renderSummarySection(input.model),
    renderStackSection(input),
    renderFilesSection(input.files),
    renderEndpointsSection(input.analysis.endpoints),
    renderDesignNotesSection(input.analysis, renderModelDesignNotes(input.model)),
    renderDatabaseSection(input.analysis.migrations),
    renderEnvVarsSection(input.analysis.envVars),
    renderTestsSection(input.validation, input.validationSkipReason),
    renderDependencyReviewSection(input.dependencyReview),
    renderHandoffsSection(input),
    renderDoneSection(input),
    renderNextStepsSection(input),
    renderFooter(input),
  ]
    .filter((section): section is string => section !== undefined)
    .join('\n\n');
}
