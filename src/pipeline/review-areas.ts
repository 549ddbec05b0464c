import type { ChangeAnalysis } from '../changes/change-analysis.js';
import type { ChangedFile } from '../changes/changed-file.js';
import { isTestPath } from '../changes/classify-file-path.js';
import type { DiscoveryResult } from '../discovery/project.js';
import { decideHandoffs, type HandoffDecision, type HandoffSignals } from '../handoffs/decide-handoffs.js';
import type { Finding } from '../handoffs/finding.js';
import type { HandoffArea } from '../handoffs/handoff-area.js';
import type { HandoffConfig } from '../handoffs/handoff-config.js';
import { reviewChanges, type ReviewContext } from '../handoffs/review-changes.js';
import type { AreaReview } from './post-area-reviews.js';

export interface ReviewInputs {
  files: ChangedFile[];
  analysis: ChangeAnalysis;
  discovery: DiscoveryResult;
  readFile?: (path: string) => string | undefined;
}

function reviewContext(inputs: ReviewInputs): ReviewContext {
  return {
    ...(inputs.readFile ? { readFile: inputs.readFile } : {}),
    endpoints: inputs.analysis.endpoints.map((e) => ({
      method: e.method,
      path: e.path,
      change: e.change,
      file: e.file,
      line: e.line,
    })),
    projectRoots: inputs.discovery.projects.map((p) => p.path),
    databases: [...new Set(inputs.discovery.projects.flatMap((p) => p.databases))],
  };
}

function signals(inputs: ReviewInputs, performance: Finding[]): HandoffSignals {
  const { analysis } = inputs;
  return {
    files: inputs.files.map((f) => ({
      path: f.path,
      status: f.status,
      additions: f.additions,
      deletions: f.deletions,
      isTest: isTestPath(f.path),
    })),
    securityTouched: analysis.securityTouched.map((t) => ({ file: t.file, reason: t.reason })),
    migrations: analysis.migrations.map((m) => ({ file: m.file })),
    endpoints: analysis.endpoints.map((e) => ({ method: e.method, path: e.path, change: e.change })),
    projectsWithoutTests: analysis.projectsWithoutTestChanges,
    performanceFindings: performance.map((f) => ({
      ruleId: f.ruleId,
      file: f.file,
      line: f.line,
      title: f.title,
    })),
  };
}

/** The rules' handoff decisions for a PR, each with its area's deterministic findings. */
export function reviewAutomaticHandoffs(inputs: ReviewInputs, config: HandoffConfig): AreaReview[] {
  const context = reviewContext(inputs);
  const performance = reviewChanges('performance', inputs.files, context);
  const decisions: HandoffDecision[] = decideHandoffs(signals(inputs, performance), config);
  return decisions.map((d) => ({
    area: d.area,
    reasons: d.reasons,
    findings: d.area === 'performance' ? performance : reviewChanges(d.area, inputs.files, context),
  }));
}

/** One area's review, asked for by a label or a command. */
export function reviewRequestedArea(inputs: ReviewInputs, area: HandoffArea, reason: string): AreaReview {
  return { area, reasons: [reason], findings: reviewChanges(area, inputs.files, reviewContext(inputs)) };
}
