import type { DependencyChange } from '../changes/change-analysis.js';
import type { ChangedFile } from '../code/diff/changed-file.js';
import { GitHubCallError } from '../github/gateway.js';
import type { AdvisoryPatch, DependencyGraph } from '../handoffs/dependency-review/dependency-graph.js';
import {
  explainUnavailable,
  type DependencyReviewOutcome,
} from '../handoffs/dependency-review/dependency-review-outcome.js';
import { reviewDependencyChanges } from '../handoffs/dependency-review/review-dependency-changes.js';

/** Advisories read for their fixed versions, at most: each is one request. */
const MAX_ADVISORY_LOOKUPS = 10;

/** What the review asks: GitHub's dependency graph, and the two commits the PR goes between. */
export interface DependencyReviewRequest {
  graph: DependencyGraph;
  baseSha: string;
  headSha: string;
}

/** The patched versions of each advisory, read one by one; one that cannot be read is left out. */
async function readPatches(graph: DependencyGraph, ghsaIds: string[]): Promise<Map<string, AdvisoryPatch[]>> {
  const found = new Map<string, AdvisoryPatch[]>();
  for (const ghsaId of ghsaIds.slice(0, MAX_ADVISORY_LOOKUPS)) {
    try {
      const patches = await graph.advisoryPatches(ghsaId);
      if (patches) found.set(ghsaId, patches);
    } catch (error) {
      if (!(error instanceof GitHubCallError)) throw error;
    }
  }
  return found;
}

/**
 * The dependency review of a PR whose manifests or lockfiles add or move a dependency (the
 * change analysis says so; a PR that only removes dependencies, or changes none, costs no call):
 * GitHub's dependency graph compares the two commits, and each known vulnerability of a version
 * the PR brings in becomes a security finding. When GitHub refuses (dependency graph off, no
 * GitHub Advanced Security on a private repository) or fails, the outcome is one line saying
 * what to do; the run goes on. Undefined when there was nothing to review.
 */
export async function reviewDependencies(
  request: DependencyReviewRequest,
  dependencyChanges: readonly DependencyChange[],
  files: readonly ChangedFile[],
): Promise<DependencyReviewOutcome | undefined> {
  if (!dependencyChanges.some((change) => change.to !== null)) return undefined;
  let comparison;
  try {
    comparison = await request.graph.compareCommits(request.baseSha, request.headSha);
  } catch (error) {
    if (!(error instanceof GitHubCallError)) throw error;
    return {
      ran: false,
      reason: `Dependency review did not run. ${error.message} It runs again on the next push.`,
    };
  }
  if (!comparison.available)
    return { ran: false, reason: explainUnavailable(comparison.status, comparison.message) };
  const advisories = comparison.dependencies
    .filter((dependency) => dependency.change === 'added')
    .flatMap((dependency) => dependency.vulnerabilities.map((v) => v.ghsaId));
  const patches = await readPatches(request.graph, [...new Set(advisories)]);
  return { ran: true, review: reviewDependencyChanges(comparison.dependencies, patches, files) };
}
