/**
 * What GitHub's dependency graph says about a pull request's dependencies
 * (`GET /repos/{owner}/{repo}/dependency-graph/compare/{base}...{head}`), in the shape the
 * review reads. https://docs.github.com/rest/dependency-graph/dependency-review
 */

/** An advisory GitHub's advisory database knows for one package version. */
export interface KnownVulnerability {
  /** `critical`, `high`, `moderate` or `low`. */
  severity: string;
  ghsaId: string;
  summary: string;
  url: string;
}

/** One package version the head adds or the base had and the head drops. */
export interface ComparedDependency {
  change: 'added' | 'removed';
  /** The manifest or lockfile GitHub read it from, relative to the repository root. */
  manifest: string;
  ecosystem: string;
  name: string;
  version: string;
  /** SPDX expression GitHub found, or null when it found none. */
  license: string | null;
  scope: 'runtime' | 'development' | 'unknown';
  vulnerabilities: KnownVulnerability[];
}

/**
 * The comparison, or why GitHub would not give it: 403 (a private repository without GitHub
 * Advanced Security, a fork, or a token without `contents: read`) or 404 (the dependency graph
 * is off, or the token cannot see the repository).
 */
export type DependencyComparison =
  | { available: true; dependencies: ComparedDependency[] }
  | { available: false; status: number; message: string };

/** What the review asks GitHub: the comparison, and the version that fixes an advisory. */
export interface DependencyGraphSource {
  compareDependencies(baseSha: string, headSha: string): Promise<DependencyComparison>;
  /** The first patched version of `name` for the advisory, when GitHub's advisory database names one. */
  findFixedVersion(ghsaId: string, ecosystem: string, name: string): Promise<string | undefined>;
}
