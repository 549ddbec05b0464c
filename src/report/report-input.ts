import type { ChangeAnalysis } from '../changes/change-analysis.js';
import type { ChangeKind } from '../changes/classification/change-kind.js';
import type { ChangedFile } from '../code/diff/changed-file.js';
import type { DiscoveryResult } from '../discovery/project.js';
import type { DependencyReviewOutcome } from '../handoffs/dependency-review/dependency-review-outcome.js';
import type { Finding } from '../handoffs/finding.js';
import type { HandoffArea } from '../handoffs/handoff-area.js';
import type { TokenUsage } from '../llm/review-model.js';
import type { ValidationSummary } from '../validation/validation-result.js';

export type ReportType = 'implementation' | 'bugfix';

export interface HandoffDecision {
  area: HandoffArea;
  /** The label that stands for this area on the PR (`handoff:<area>` unless configured). */
  label: string;
  reasons: string[];
  /** Link to the area's review comment, when it was posted. */
  commentUrl?: string;
  /** How many findings the area's review raised. */
  findings?: number;
}

/** What the optional model added to this run; every text here is model-written and labelled so. */
export interface ModelInsights {
  name: string;
  summary?: string;
  designNotes: { note: string; files: string[] }[];
  bugFix?: {
    issue?: string | undefined;
    rootCause?: string | undefined;
    solution?: string | undefined;
    prevention?: string | undefined;
  };
  /** One line per model step that could not be done. */
  failures: string[];
  usage: TokenUsage;
  inputTokens?: number;
  /** Files the model was not shown, and why. */
  leftOut: { path: string; reason: string }[];
}

/** Everything a report is rendered from. Each field is backed by the PR, discovery, the diff or a command that ran. */
export interface ReportInput {
  type: ReportType;
  /** Which signal decided the type, in words (`label "bug"`, `conventional-commit title`…). */
  typeSignal: string;
  /**
   * What the PR is: an implementation that is a `change` (refactor, chore, docs, tests, CI, a
   * dependency update) is headed "Backend Change Delivered". Absent means a feature.
   */
  kind?: ChangeKind;
  title: string;
  /** The PR description as written (untrusted: quoted, never followed). */
  body: string;
  /** The issue the PR closes, when it names one and it could be read. */
  linkedIssue?: { number: number; title: string; body: string };
  prNumber?: number;
  /** ISO date (YYYY-MM-DD) of the run. */
  date: string;
  /** The commit whose files were analysed, and a note when it is not the PR's head. */
  commit: { sha: string | null; note?: string };
  discovery: DiscoveryResult;
  /** Paths of the projects the PR touches. */
  affectedProjects: string[];
  files: ChangedFile[];
  analysis: ChangeAnalysis;
  validation: ValidationSummary;
  /** The changed-lines coverage goal (`coverage.threshold`, 80 unless configured). */
  coverageThreshold?: number;
  handoffs: HandoffDecision[];
  findings: Finding[];
  /** Things the reader should know about this run: config errors, missing checkout, skipped parts. */
  notes: string[];
  /** Why validation did not run, when it did not. */
  validationSkipReason?: string;
  runUrl?: string;
  /** Present when a model key was given (even if every model step failed). */
  model?: ModelInsights;
  /** GitHub's dependency review, when the PR adds or moves a dependency and the run could ask GitHub. */
  dependencyReview?: DependencyReviewOutcome;
}
