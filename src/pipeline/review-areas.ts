import type { ChangeAnalysis } from '../changes/change-analysis.js';
import type { ChangeKind } from '../changes/classification/change-kind.js';
import type { ChangedFile } from '../code/diff/changed-file.js';
import type { FactCache } from '../code/fact-cache.js';
import { isTestPath } from '../code/classify-path.js';
import type { DiscoveryResult, Project } from '../discovery/project.js';
import { decideHandoffs, type HandoffDecision, type HandoffSignals } from '../handoffs/decide-handoffs.js';
import type { Finding } from '../handoffs/finding.js';
import type { HandoffArea } from '../handoffs/handoff-area.js';
import type { HandoffConfig } from '../handoffs/handoff-config.js';
import { reviewChanges, type ReviewContext } from '../handoffs/review-changes.js';
import type { ExistingRoute } from '../handoffs/review-context.js';
import type { AreaReview } from './post-area-reviews.js';

export interface ReviewInputs {
  files: ChangedFile[];
  analysis: ChangeAnalysis;
  discovery: DiscoveryResult;
  readFile?: (path: string) => string | undefined;
  /** Known vulnerabilities of dependency versions the PR brings in (GitHub's dependency review): security findings. */
  dependencyFindings?: Finding[];
  /** What the PR says it is: a refactor or chore promises the same behaviour. */
  changeKind?: ChangeKind;
  /** The facts change analysis read (the changed files' code views among them), so reviews parse nothing twice. */
  facts?: FactCache;
}

/**
 * Routes of the projects the PR touches, as the base's route tables have them (prefixes
 * resolved), without those the PR itself adds or moves: what its new routes should look like.
 */
function existingRoutes(inputs: ReviewInputs): ExistingRoute[] | undefined {
  const { analysis } = inputs;
  const introduced = analysis.endpoints.filter(
    (e) => e.change === 'added' || (e.change === 'changed' && e.previous !== undefined),
  );
  // Only new routes are compared with the existing ones: without any, nothing needs reading.
  if (introduced.length === 0 || !analysis.routesBefore) return undefined;
  const own = new Set(introduced.map((e) => `${e.method} ${e.path}`));
  const touched = new Set(introduced.map((e) => e.project));
  return analysis.routesBefore
    .filter((route) => touched.has(route.project) && !own.has(`${route.method} ${route.path}`))
    .map((route) => ({ method: route.method, path: route.path }));
}

function reviewContext(inputs: ReviewInputs): ReviewContext {
  const existing = existingRoutes(inputs);
  return {
    ...(inputs.readFile ? { readFile: inputs.readFile } : {}),
    ...(existing ? { existingRoutes: existing } : {}),
    endpoints: inputs.analysis.endpoints,
    ...(inputs.changeKind ? { changeKind: inputs.changeKind } : {}),
    projectRoots: inputs.discovery.projects.map((p) => p.path),
    projectsWithoutTests: inputs.discovery.projects.filter((p) => !hasTestSuite(p)).map((p) => p.path),
    databases: [...new Set(inputs.discovery.projects.flatMap((p) => p.databases))],
    migrations: inputs.analysis.migrations,
    ...(inputs.facts ? { facts: inputs.facts } : {}),
  };
}

/** A test framework or a test command the repository names (not only the ecosystem's default). */
function hasTestSuite(project: Project): boolean {
  return (
    project.testFrameworks.length > 0 ||
    (project.commands.test !== undefined && !project.commands.test.suggested)
  );
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
    vulnerableDependencies: [...new Set((inputs.dependencyFindings ?? []).map((f) => f.file))],
    performanceFindings: performance.map((f) => ({
      ruleId: f.ruleId,
      file: f.file,
      line: f.line,
      title: f.title,
    })),
  };
}

/** An area's findings: its rules', and for security the vulnerable dependencies too. */
function findingsOf(area: HandoffArea, inputs: ReviewInputs, context: ReviewContext): Finding[] {
  const found = reviewChanges(area, inputs.files, context);
  return area === 'security' ? [...found, ...(inputs.dependencyFindings ?? [])] : found;
}

/** The rules' handoff decisions for a PR, each with its area's deterministic findings. */
export function reviewAutomaticHandoffs(inputs: ReviewInputs, config: HandoffConfig): AreaReview[] {
  const context = reviewContext(inputs);
  const performance = reviewChanges('performance', inputs.files, context);
  const decisions: HandoffDecision[] = decideHandoffs(signals(inputs, performance), config);
  return decisions.map((d) => ({
    area: d.area,
    reasons: d.reasons,
    findings: d.area === 'performance' ? performance : findingsOf(d.area, inputs, context),
  }));
}

/** One area's review, asked for by a label or a command. */
export function reviewRequestedArea(inputs: ReviewInputs, area: HandoffArea, reason: string): AreaReview {
  return { area, reasons: [reason], findings: findingsOf(area, inputs, reviewContext(inputs)) };
}
