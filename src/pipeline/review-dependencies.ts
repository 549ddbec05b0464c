import type { ChangedFile } from '../code/diff/changed-file.js';
import { classifyPath } from '../code/classify-path.js';
import type { DependencyGraphSource } from '../handoffs/dependency-review/dependency-comparison.js';
import {
  explainUnavailable,
  type DependencyReviewOutcome,
} from '../handoffs/dependency-review/dependency-review-outcome.js';
import { reviewDependencyChanges } from '../handoffs/dependency-review/review-dependency-changes.js';

/** Advisories looked up for their fixed version, at most: each is one request. */
const MAX_ADVISORY_LOOKUPS = 20;

function changesDependencies(files: readonly ChangedFile[]): boolean {
  return files.some((file) => {
    const role = classifyPath(file.path).role;
    return role === 'manifest' || role === 'lockfile';
  });
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The first patched version of each (advisory, package) pair the comparison names; unknown ones are left out. */
async function fixedVersions(
  source: DependencyGraphSource,
  wanted: { ghsaId: string; ecosystem: string; name: string }[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const { ghsaId, ecosystem, name } of wanted.slice(0, MAX_ADVISORY_LOOKUPS)) {
    const version = await source.findFixedVersion(ghsaId, ecosystem, name).catch(() => undefined);
    if (version) found.set(`${ghsaId}\u0000${name}`, version);
  }
  return found;
}

/**
 * The dependency review of a PR that changes a manifest or lockfile: GitHub's dependency graph
 * compares the base and head commits, and each vulnerable version the PR brings in becomes a
 * security finding. When GitHub refuses (dependency graph off, no GitHub Advanced Security on a
 * private repository, a token without `contents: read`) or fails, the outcome is one line saying
 * what to enable; the run goes on. Undefined when the PR changes no dependency file.
 */
export async function reviewDependencies(
  source: DependencyGraphSource,
  commits: { baseSha: string; headSha: string },
  files: readonly ChangedFile[],
): Promise<DependencyReviewOutcome | undefined> {
  if (!changesDependencies(files)) return undefined;
  let comparison;
  try {
    comparison = await source.compareDependencies(commits.baseSha, commits.headSha);
  } catch (error) {
    return { ran: false, reason: `Dependency review did not run: ${describeError(error)}. It runs again on the next push.` };
  }
  if (!comparison.available) return { ran: false, reason: explainUnavailable(comparison.status, comparison.message) };
  const wanted = new Map<string, { ghsaId: string; ecosystem: string; name: string }>();
  for (const dependency of comparison.dependencies) {
    if (dependency.change !== 'added') continue;
    for (const v of dependency.vulnerabilities) {
      wanted.set(`${v.ghsaId}\u0000${dependency.name}`, { ghsaId: v.ghsaId, ecosystem: dependency.ecosystem, name: dependency.name });
    }
  }
  const fixed = await fixedVersions(source, [...wanted.values()]);
  return { ran: true, review: reviewDependencyChanges(comparison.dependencies, fixed, files) };
}
