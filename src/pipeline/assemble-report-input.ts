import type { ChangeAnalysis } from '../changes/change-analysis.js';
import type { DiscoveryResult } from '../discovery/project.js';
import { labelFor } from '../handoffs/handoff-catalog.js';
import type { ModelInsights, ReportInput, ReportType } from '../report/report-input.js';
import type { ValidationSummary } from '../validation/validation-result.js';
import type { AnalysisRequest } from './analyse-pull-request.js';
import type { AreaReview } from './post-area-reviews.js';

export interface ReportParts {
  request: AnalysisRequest;
  classification: { type: ReportType; signal: string };
  discovery: DiscoveryResult;
  analysis: ChangeAnalysis;
  validation: ValidationSummary;
  reviews: AreaReview[];
  validationSkipReason?: string;
  model?: ModelInsights;
}

/** Puts the pipeline's results together in the shape the report is rendered from. */
export function assembleReportInput(parts: ReportParts): ReportInput {
  const { request, classification, reviews } = parts;
  const { pullRequest } = request;
  return {
    type: classification.type,
    typeSignal: classification.signal,
    title: pullRequest.title,
    body: pullRequest.body,
    ...(pullRequest.linkedIssue ? { linkedIssue: pullRequest.linkedIssue } : {}),
    ...(pullRequest.number ? { prNumber: pullRequest.number } : {}),
    date: request.date.toISOString().slice(0, 10),
    commit: request.commit,
    discovery: parts.discovery,
    affectedProjects: parts.analysis.affectedProjects,
    files: request.files,
    analysis: parts.analysis,
    validation: parts.validation,
    coverageThreshold: request.config.coverage.threshold,
    handoffs: reviews.map((r) => ({
      area: r.area,
      label: labelFor(r.area, request.config.handoffs),
      reasons: r.reasons,
      findings: r.findings.length,
    })),
    findings: reviews.flatMap((r) => r.findings),
    notes: request.notes,
    ...(request.runUrl ? { runUrl: request.runUrl } : {}),
    ...(parts.validationSkipReason ? { validationSkipReason: parts.validationSkipReason } : {}),
    ...(parts.model ? { model: parts.model } : {}),
  };
}
