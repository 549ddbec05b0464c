import os from 'node:os';
import type { ChangedFile } from '../changes/changed-file.js';
import { analyzeChanges } from '../changes/analyze-changes.js';
import { classifyPullRequest } from '../changes/classify-pull-request.js';
import type { Config } from '../config/parse-config.js';
import { discoverProjects } from '../discovery/discover-projects.js';
import type { DiscoveryResult, Project } from '../discovery/project.js';
import type { ReportInput, ReportType } from '../report/report-input.js';
import type { InstallPolicy, ValidateScope } from '../settings.js';
import { summarizeValidation, validateProjects } from '../validation/validate-projects.js';
import type { ProjectValidation, ValidationSummary } from '../validation/validation-result.js';
import { createCheckoutReader } from './create-checkout-reader.js';
import { listCheckoutFiles } from './list-checkout-files.js';
import type { RunLog } from './run-log.js';
import type { HandoffArea } from '../handoffs/handoff-area.js';
import { labelFor } from '../handoffs/handoff-catalog.js';
import { reviewAutomaticHandoffs, reviewRequestedArea, type ReviewInputs } from './review-areas.js';
import type { AreaReview } from './post-area-reviews.js';
import { gatherModelInsights, type ModelRequest } from './gather-model-insights.js';
import type { DiscoveryResult as Discovered } from '../discovery/project.js';

export interface PullRequestFacts {
  title: string;
  body: string;
  linkedIssue?: { number: number; title: string; body: string };
  labels: string[];
  headBranch: string;
  number?: number;
}

export interface AnalysisRequest {
  /** The checkout at the PR's head, or undefined when there is none (the diff alone is analysed). */
  root: string | undefined;
  commit: { sha: string | null; note?: string };
  files: ChangedFile[];
  pullRequest: PullRequestFacts;
  config: Config;
  reportType: { value: ReportType; source: string } | undefined;
  validation: {
    scope: ValidateScope;
    install: InstallPolicy;
    timeoutMs: number;
    parallel?: number;
    project?: string;
    /** What turned validation off, in the report's words (default: the `validate` input). */
    turnedOffBy?: string;
  };
  /** Results the matrix's validate jobs already produced (`mode: report`): used instead of running anything. */
  precomputedValidation?: ProjectValidation[];
  redact: (text: string) => string;
  log: RunLog;
  notes: string[];
  runUrl?: string;
  date: Date;
  /**
   * Which reviews to run: `automatic` lets the handoff rules decide; a list runs just those
   * areas (a label or a command asked for them).
   */
  reviews: 'automatic' | { area: HandoffArea; reason: string }[];
  /** The optional model; absent without an `anthropic-api-key`. */
  model?: Omit<ModelRequest, 'title' | 'body' | 'files' | 'reportType' | 'facts' | 'includeNarrative'>;
}

export interface Analysis {
  report: ReportInput;
  reviews: AreaReview[];
}

const EMPTY_DISCOVERY: DiscoveryResult = { root: '', projects: [], warnings: [] };

function projectsToValidate(request: AnalysisRequest, projects: Project[], affected: string[]): Project[] {
  const { scope, project } = request.validation;
  if (project !== undefined) return projects.filter((p) => p.path === project);
  if (scope === 'none') return [];
  if (scope === 'all') return projects;
  return projects.filter((p) => affected.includes(p.path));
}

/** One line per project for the model: what discovery found (facts, not instructions). */
function stackFacts(discovery: Discovered): string[] {
  return discovery.projects.slice(0, 30).map((p) => {
    const frameworks = p.frameworks.map((f) => `${f.name}${f.version ? ` ${f.version}` : ''}`).join(', ');
    return `project ${p.path}: ${p.language}${frameworks ? ` (${frameworks})` : ''}${p.databases.length ? `, data: ${p.databases.join(', ')}` : ''}`;
  });
}

async function runValidation(request: AnalysisRequest, chosen: Project[]): Promise<ValidationSummary> {
  if (request.precomputedValidation) return summarizeValidation(request.precomputedValidation);
  if (!request.root || chosen.length === 0) return { status: 'skipped', projects: [] };
  const { log } = request;
  return validateProjects(chosen, {
    root: request.root,
    parallel: request.validation.parallel ?? request.config.validation.parallel ?? os.availableParallelism(),
    timeoutMs: request.validation.timeoutMs,
    install: request.validation.install,
    redact: request.redact,
    log: {
      startGroup: (t) => log.startGroup(t),
      endGroup: () => log.endGroup(),
      write: (t) => log.info(t.replace(/\n$/, '')),
    },
  });
}

function validationSkipReason(request: AnalysisRequest, affected: string[]): string {
  if (!request.root) return 'there is no checkout to run commands in';
  if (request.validation.scope === 'none') return request.validation.turnedOffBy ?? '`validate: none`';
  if (affected.length === 0 && request.validation.scope === 'affected')
    return 'the pull request touches no project';
  return 'no project was selected';
}

/**
 * The pipeline shared by the action and the CLI: discovery → change analysis → validation,
 * returning everything the report is rendered from.
 */
export async function analysePullRequest(request: AnalysisRequest): Promise<Analysis> {
  const { log } = request;
  const discovery = request.root
    ? await discoverProjects(request.root, {
        ignore: request.config.ignore,
        overrides: request.config.projects,
      })
    : EMPTY_DISCOVERY;
  log.info(`Discovered ${discovery.projects.length} project(s).`);
  for (const w of discovery.warnings)
    log.warning(w.message, { file: w.file, title: 'backend-developer: could not read file' });

  const readFile = request.root ? createCheckoutReader(request.root) : undefined;
  const listFiles = request.root ? listCheckoutFiles(request.root) : undefined;
  const checkout = readFile && listFiles ? { readFile, listFiles } : {};
  const analysis = analyzeChanges({ files: request.files, projects: discovery.projects, ...checkout });
  const reviewInputs: ReviewInputs = { files: request.files, analysis, discovery, ...checkout };
  const ruleReviews =
    request.reviews === 'automatic'
      ? reviewAutomaticHandoffs(reviewInputs, request.config.handoffs)
      : request.reviews.map((r) => reviewRequestedArea(reviewInputs, r.area, r.reason));
  const affected = analysis.affectedProjects;
  const classification = classifyPullRequest({
    ...(request.reportType
      ? { override: request.reportType.value, overrideSource: request.reportType.source }
      : {}),
    labels: request.pullRequest.labels,
    title: request.pullRequest.title,
    headBranch: request.pullRequest.headBranch,
    body: request.pullRequest.body,
  });
  const chosen = projectsToValidate(request, discovery.projects, affected);
  const validation = await runValidation(request, chosen);
  const modelResult = request.model
    ? await gatherModelInsights(
        {
          ...request.model,
          title: request.pullRequest.title,
          body: request.pullRequest.body,
          files: request.files,
          reportType: classification.type,
          facts: stackFacts(discovery),
          includeNarrative: request.reviews === 'automatic',
        },
        ruleReviews,
      )
    : undefined;
  const reviews = modelResult?.reviews ?? ruleReviews;

  const report: ReportInput = {
    type: classification.type,
    typeSignal: classification.signal,
    title: request.pullRequest.title,
    body: request.pullRequest.body,
    ...(request.pullRequest.linkedIssue ? { linkedIssue: request.pullRequest.linkedIssue } : {}),
    ...(request.pullRequest.number ? { prNumber: request.pullRequest.number } : {}),
    date: request.date.toISOString().slice(0, 10),
    commit: request.commit,
    discovery,
    affectedProjects: affected,
    files: request.files,
    analysis,
    validation,
    handoffs: reviews.map((r) => ({
      area: r.area,
      label: labelFor(r.area, request.config.handoffs),
      reasons: r.reasons,
      findings: r.findings.length,
    })),
    findings: reviews.flatMap((r) => r.findings),
    notes: request.notes,
    ...(request.runUrl ? { runUrl: request.runUrl } : {}),
    ...(validation.status === 'skipped'
      ? { validationSkipReason: validationSkipReason(request, affected) }
      : {}),
  };
  if (modelResult) report.model = modelResult.insights;
  return { report, reviews };
}
