import type { ChangeAnalysis } from '../changes/change-analysis.js';
import type { PullRequestClassification } from '../changes/classify-pull-request.js';
import type { DiscoveryResult } from '../discovery/project.js';
import { labelFor } from '../handoffs/handoff-catalog.js';
import type { ModelInsights, ReportInput } from '../report/report-input.js';
import type { ValidationSummary } from '../validation/validation-result.js';
import type { AnalysisRequest } from './analyse-pull-request.js';
import type { AreaReview } from './post-area-reviews.js';
import type { DependencyReviewOutcome } from '../handoffs/dependency-review/dependency-review-outcome.js';

export interface ReportParts {
  request: AnalysisRequest;
  classification: PullRequestClassification;
  discovery: DiscoveryResult;
  analysis: ChangeAnalysis;
  validation: ValidationSummary;
  reviews: AreaReview[];
  validationSkipReason?: string;
  model?: ModelInsights;
  dependencyReview?: DependencyReviewOutcome;
}

function redactIssue(
  issue: { number: number; title: string; body: string },
  redact: (text: string) => string,
): { number: number; title: string; body: string } {
  return { number: issue.number, title: redact(issue.title), body: redact(issue.body) };
}

/** Puts the pipeline's results together in the shape the report is rendered from. */
export function assembleReportInput(parts: ReportParts): ReportInput {
  const { request, classification, reviews } = parts;
  const { pullRequest } = request;
  return {
    type: classification.type,
    typeSignal: classification.signal,
    kind: classification.kind,
    // Quoted in the report (Issue, Root Cause, Solution…) and printed by the command line: secrets out first.
    title: request.redact(pullRequest.title),
    body: request.redact(pullRequest.body),
    ...(pullRequest.linkedIssue ? { linkedIssue: redactIssue(pullRequest.linkedIssue, request.redact) } : {}),
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
    ...(parts.dependencyReview ? { dependencyReview: parts.dependencyReview } : {}),
  };
}
