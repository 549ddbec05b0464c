/**
 * What GitHub's dependency graph says about a pull request's dependencies
 * (`GET /repos/{owner}/{repo}/dependency-graph/compare/{basehead}`), in the shape the review
 * reads, and the port the review asks it through.
 * https://docs.github.com/rest/dependency-graph/dependency-review
 */

/** An advisory GitHub's advisory database knows for one package version. */
export interface KnownVulnerability {
  /** `critical`, `high`, `moderate` or `low`, as GitHub writes it. */
  severity: string;
  ghsaId: string;
  summary: string;
  url: string;
}

/** One package version the head adds, or the base had and the head drops. */
export interface ComparedDependency {
  change: 'added' | 'removed';
  /** The manifest or lockfile GitHub read it from, relative to the repository root. */
  manifest: string;
  ecosystem: string;
  name: string;
  /** A version, or for a manifest without a lockfile the constraint as written (`^4.17.20`). */
  version: string;
  /** SPDX expression GitHub found, or null when it found none. */
  license: string | null;
  scope: 'runtime' | 'development' | 'unknown';
  vulnerabilities: KnownVulnerability[];
}

/**
 * The comparison, or GitHub's refusal: 403 (a private repository without GitHub Advanced
 * Security or Code Security, a forked repository) or 404 (the dependency graph is off, not
 * offered by this GitHub Enterprise Server, or the token cannot see the repository).
 */
export type DependencyComparison =
  | { available: true; dependencies: ComparedDependency[] }
  | { available: false; status: 403 | 404; message: string };

/** One package range an advisory names, with the version that fixes it when there is one. */
export interface AdvisoryPatch {
  ecosystem: string;
  name: string;
  /** GitHub's range syntax: `< 4.17.21`, `>= 2.0.0, < 2.3.1`, `= 1.0.0`. */
  vulnerableRange: string | null;
  firstPatched: string | null;
}

/** What the dependency review needs from GitHub. */
export interface DependencyGraph {
  /** The dependency graphs of two commits compared (`base...head`: GitHub finds the merge base). */
  compareCommits(baseSha: string, headSha: string): Promise<DependencyComparison>;
  /** The packages an advisory names and their patched versions; undefined when it cannot be read. */
  advisoryPatches(ghsaId: string): Promise<AdvisoryPatch[] | undefined>;
}
