import type { ChangedFile } from '../../code/diff/changed-file.js';
import { parsePatch } from '../../code/diff/parse-patch.js';
import type { Finding, Severity } from '../finding.js';
import type { ComparedDependency, KnownVulnerability } from './dependency-comparison.js';

/** A known vulnerability of a version the PR brings in, with the version that fixes it when known. */
export interface ReviewedVulnerability extends KnownVulnerability {
  fixedVersion?: string;
}

/** A package version the PR adds or moves to. */
export interface ReviewedPackage {
  ecosystem: string;
  name: string;
  version: string;
  manifest: string;
  /** The version the base had in the same manifest, when the PR moves from one to another. */
  previousVersion?: string;
  license: string | null;
  scope: ComparedDependency['scope'];
  vulnerabilities: ReviewedVulnerability[];
}

/** What the dependency review found; see `reviewDependencyChanges`. */
export interface DependencyReview {
  packages: ReviewedPackage[];
  /** Advisories of versions the PR moves away from that the new version no longer has. */
  resolved: { name: string; version: string; ghsaId: string; severity: string }[];
  /** One security finding per vulnerable package version and advisory. */
  findings: Finding[];
}

export const VULNERABLE_DEPENDENCY_RULE = 'security/vulnerable-dependency';

// GitHub's advisory severities, on the findings' scale.
const SEVERITY: Record<string, Severity> = { critical: 'high', high: 'high', moderate: 'medium', low: 'low' };

function key(d: { manifest: string; name: string }): string {
  return `${d.manifest}\u0000${d.name}`;
}

/** The added line of the manifest that names the package, else its first added line. */
function lineOf(files: readonly ChangedFile[], manifest: string, name: string): number {
  const file = files.find((f) => f.path === manifest);
  const added = parsePatch(file?.patch).added;
  const quoted = new RegExp(`["'\`/\\s=:]${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["'\`@\\s=:,]`);
  return (added.find((line) => quoted.test(` ${line.text} `)) ?? added[0])?.line ?? 1;
}

function finding(pkg: ReviewedPackage, vulnerability: ReviewedVulnerability, line: number): Finding {
  const fix = vulnerability.fixedVersion
    ? `Use ${pkg.name} ${vulnerability.fixedVersion} or later, the first version with the fix.`
    : `No patched version of ${pkg.name} is known: use another package, or keep it knowing the risk (${vulnerability.url}).`;
  return {
    area: 'security',
    ruleId: VULNERABLE_DEPENDENCY_RULE,
    severity: SEVERITY[vulnerability.severity.toLowerCase()] ?? 'medium',
    file: pkg.manifest,
    line,
    title: `${pkg.name} ${pkg.version} has a known vulnerability: ${vulnerability.ghsaId} (${vulnerability.severity})`,
    explanation: `${vulnerability.summary} (${vulnerability.url}).`,
    recommendation: fix,
    origin: 'rule',
  };
}

/**
 * Reads GitHub's comparison of the base and head dependency graphs: every package version the
 * PR adds or upgrades to (GitHub lists an upgrade as the old version removed and the new one
 * added), with its licence and known vulnerabilities; a security finding for each vulnerability,
 * anchored on the manifest line that names the package; and the advisories an upgrade leaves
 * behind. The same version seen in two manifests (a manifest and its lockfile) counts once.
 */
export function reviewDependencyChanges(
  dependencies: readonly ComparedDependency[],
  fixedVersions: ReadonlyMap<string, string>,
  files: readonly ChangedFile[],
): DependencyReview {
  const removed = new Map(dependencies.filter((d) => d.change === 'removed').map((d) => [key(d), d]));
  const seen = new Set<string>();
  const review: DependencyReview = { packages: [], resolved: [], findings: [] };
  for (const dependency of dependencies) {
    if (dependency.change !== 'added') continue;
    const id = `${dependency.ecosystem}:${dependency.name}@${dependency.version}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const previous = removed.get(key(dependency));
    const pkg: ReviewedPackage = {
      ecosystem: dependency.ecosystem,
      name: dependency.name,
      version: dependency.version,
      manifest: dependency.manifest,
      ...(previous ? { previousVersion: previous.version } : {}),
      license: dependency.license,
      scope: dependency.scope,
      vulnerabilities: dependency.vulnerabilities.map((v) => {
        const fixed = fixedVersions.get(`${v.ghsaId}\u0000${dependency.name}`);
        return fixed ? { ...v, fixedVersion: fixed } : { ...v };
      }),
    };
    review.packages.push(pkg);
    const line = pkg.vulnerabilities.length > 0 ? lineOf(files, pkg.manifest, pkg.name) : 1;
    for (const vulnerability of pkg.vulnerabilities) review.findings.push(finding(pkg, vulnerability, line));
    const still = new Set(pkg.vulnerabilities.map((v) => v.ghsaId));
    for (const old of previous?.vulnerabilities ?? []) {
      if (!still.has(old.ghsaId)) {
        review.resolved.push({ name: pkg.name, version: previous?.version ?? '', ghsaId: old.ghsaId, severity: old.severity });
      }
    }
  }
  return review;
}
