import os from 'node:os';
import type { ChangedFile } from '../code/diff/changed-file.js';
import { analyzeChanges } from '../changes/analyze-changes.js';
import { classifyPullRequest, type PullRequestClassification } from '../changes/classify-pull-request.js';
import type { Config } from '../config/parse-config.js';
import { discoverProjects } from '../discovery/discover-projects.js';
import type { DiscoveryResult, Project } from '../discovery/project.js';
import type { ReportInput, ReportType } from '../report/report-input.js';
import { assembleReportInput } from './assemble-report-input.js';
import type { InstallPolicy, ValidateScope } from '../settings.js';
import { summarizeValidation, validateProjects } from '../validation/validate-projects.js';
import { changedLinesOf } from '../validation/coverage/changed-lines.js';
import type { ValidationLog } from '../validation/validation-log.js';
import type { ProjectValidation, ValidationSummary } from '../validation/validation-result.js';
import { createCheckoutReader } from './create-checkout-reader.js';
import { listCheckoutFilesInBackground } from './list-checkout-files.js';
import type { RunLog } from './run-log.js';
import type { HandoffArea } from '../handoffs/handoff-area.js';
import { reviewAutomaticHandoffs, reviewRequestedArea, type ReviewInputs } from './review-areas.js';
import type { AreaReview } from './post-area-reviews.js';
import { gatherModelInsights, type ModelRequest } from './gather-model-insights.js';
import type { ChangeAnalysis } from '../changes/change-analysis.js';
import type { DependencyReviewOutcome } from '../handoffs/dependency-review/dependency-review-outcome.js';
import { reviewDependencies, type DependencyReviewRequest } from './review-dependencies.js';
import { createFactCache } from '../code/fact-cache.js';

export interface PullRequestFacts {
  title: string;
  body: string;
  linkedIssue?: { number: number; title: string; body: string };
  labels: string[];
  headBranch: string;
  /** The PR's author (a login, or a commit author's name on the command line): tells a dependency bot's PR. */
  author?: string;
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
    /** Where temporary files go (a virtual environment for a pip project). */
    tempDir?: string;
    /**
     * The directory the commands run in, when it is not `root`: the command line runs them in a
     * temporary copy so the user's checkout is never written to. Called only when something runs.
     */
    runIn?: () => Promise<string>;
    /** Where command output goes, when not the run log (the command line's own progress lines). */
    log?: ValidationLog;
    /** False where command output is hidden: heartbeats then come every 30 s. */
    showsOutput?: boolean;
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
  /** GitHub's dependency graph and the PR's commits; absent where there is no GitHub (the command line). */
  dependencyReview?: DependencyReviewRequest;
  /** The optional model; absent without an `anthropic-api-key`. */
  model?: Omit<
    ModelRequest,
    'title' | 'body' | 'files' | 'reportType' | 'facts' | 'includeNarrative' | 'redact'
  >;
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
function stackFacts(discovery: DiscoveryResult): string[] {
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
    root: request.validation.runIn ? await request.validation.runIn() : request.root,
    ...(request.validation.tempDir ? { tempDir: request.validation.tempDir } : {}),
    parallel: request.validation.parallel ?? request.config.validation.parallel ?? os.availableParallelism(),
    timeoutMs: request.validation.timeoutMs,
    install: request.validation.install,
    redact: request.redact,
    ...(request.validation.showsOutput === false ? { showsOutput: false } : {}),
    changedLines: changedLinesOf(request.files),
    collectCoverage: request.config.coverage.collect,
    log: request.validation.log ?? {
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

function discover(request: AnalysisRequest): Promise<DiscoveryResult> {
  if (!request.root) return Promise.resolve(EMPTY_DISCOVERY);
  return discoverProjects(request.root, {
    ignore: request.config.ignore,
    overrides: request.config.projects,
  });
}

function classify(request: AnalysisRequest): PullRequestClassification {
  const { pullRequest, reportType } = request;
  return classifyPullRequest({
    ...(reportType ? { override: reportType.value, overrideSource: reportType.source } : {}),
    labels: pullRequest.labels,
    title: pullRequest.title,
    headBranch: pullRequest.headBranch,
    body: pullRequest.body,
    ...(pullRequest.author === undefined ? {} : { author: pullRequest.author }),
    paths: request.files.map((file) => file.path),
  });
}

function reviewByRules(request: AnalysisRequest, inputs: ReviewInputs): AreaReview[] {
  if (request.reviews === 'automatic') return reviewAutomaticHandoffs(inputs, request.config.handoffs);
  return request.reviews.map((r) => reviewRequestedArea(inputs, r.area, r.reason));
}

/** The dependency review, for a run whose reviews include security; its refusal goes to the log too. */
async function reviewDependenciesIfAsked(
  request: AnalysisRequest,
  analysis: ChangeAnalysis,
): Promise<DependencyReviewOutcome | undefined> {
  const asked = request.reviews === 'automatic' || request.reviews.some((r) => r.area === 'security');
  if (!request.dependencyReview || !asked) return undefined;
  const outcome = await reviewDependencies(
    request.dependencyReview,
    analysis.dependencyChanges,
    request.files,
  );
  if (outcome && !outcome.ran) request.log.info(outcome.reason);
  return outcome;
}

function askModel(
  request: AnalysisRequest,
  type: ReportType,
  discovery: DiscoveryResult,
  reviews: AreaReview[],
) {
  if (!request.model) return Promise.resolve(undefined);
  const { title, body } = request.pullRequest;
  const facts = stackFacts(discovery);
  const includeNarrative = request.reviews === 'automatic';
  return gatherModelInsights(
    {
      ...request.model,
      title,
      body,
      files: request.files,
      reportType: type,
      facts,
      includeNarrative,
      redact: request.redact,
    },
    reviews,
  );
}

/**
 * The pipeline shared by the action and the CLI: discovery → change analysis → reviews →
 * validation → the optional model, returning everything the report is rendered from.
 */
export async function analysePullRequest(request: AnalysisRequest): Promise<Analysis> {
  // git lists the checkout's files while discovery reads it.
  const listing = request.root ? listCheckoutFilesInBackground(request.root) : undefined;
  const discovery = await discover(request);
  request.log.info(`Discovered ${discovery.projects.length} project(s).`);
  for (const w of discovery.warnings) {
    request.log.warning(w.message, { file: w.file, title: 'backend-developer: could not read file' });
  }
  const checkout =
    request.root && listing ? { readFile: createCheckoutReader(request.root), listFiles: await listing } : {};
  // One fact cache for the run: change analysis and the reviews read each file side's tree once.
  const facts = createFactCache();
  const analysis = await analyzeChanges({
    files: request.files,
    projects: discovery.projects,
    ...checkout,
    facts,
  });
  const dependencyReview = await reviewDependenciesIfAsked(request, analysis);
  const classification = classify(request);
  const ruleReviews = reviewByRules(request, {
    files: request.files,
    analysis,
    discovery,
    changeKind: classification.kind,
    facts,
    ...(checkout.readFile ? { readFile: checkout.readFile } : {}),
    ...(dependencyReview?.ran ? { dependencyFindings: dependencyReview.review.findings } : {}),
  });
  const validation = await runValidation(
    request,
    projectsToValidate(request, discovery.projects, analysis.affectedProjects),
  );
  const model = await askModel(request, classification.type, discovery, ruleReviews);
  const reviews = model?.reviews ?? ruleReviews;
  const report = assembleReportInput({
    request,
    classification,
    discovery,
    analysis,
    validation,
    reviews,
    ...(validation.status === 'skipped'
      ? { validationSkipReason: validationSkipReason(request, analysis.affectedProjects) }
      : {}),
    ...(model ? { model: model.insights } : {}),
    ...(dependencyReview ? { dependencyReview } : {}),
  });
  return { report, reviews };
}
