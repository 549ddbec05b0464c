import type { ChangedFile } from '../../code/diff/changed-file.js';
import { parsePatch } from '../../code/diff/parse-patch.js';
import type { Finding, Severity } from '../finding.js';
import { chooseFixedVersion } from './choose-fixed-version.js';
import type { AdvisoryPatch, ComparedDependency, KnownVulnerability } from './dependency-graph.js';

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

/** An advisory of a version the PR moves away from that the new version no longer has. */
export interface ResolvedAdvisory {
  name: string;
  version: string;
  ghsaId: string;
  severity: string;
}

/** What the dependency review found; see `reviewDependencyChanges`. */
export interface DependencyReview {
  packages: ReviewedPackage[];
  resolved: ResolvedAdvisory[];
  /** One security finding per vulnerable package and advisory. */
  findings: Finding[];
}

export const VULNERABLE_DEPENDENCY_RULE = 'security/vulnerable-dependency';

// GitHub's advisory severities on the findings' scale (the advisory database says `medium`, the graph `moderate`).
const SEVERITY: Record<string, Severity> = {
  critical: 'high',
  high: 'high',
  moderate: 'medium',
  medium: 'medium',
  low: 'low',
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The added line of the manifest that names the package (`"lodash": "…"`, `lodash@^4…:`,
 * `<artifactId>log4j-core</artifactId>`, `gem 'rails'`), else the manifest's first added line:
 * where a reviewer would change the version.
 */
function lineOf(files: readonly ChangedFile[], manifest: string, name: string): number {
  const added = parsePatch(files.find((f) => f.path === manifest)?.patch).added;
  const names = [name, name.split(':').pop() ?? name].map(escapeRegExp).join('|');
  const naming = new RegExp(`[\\s"'\`/=:>(](?:${names})[\\s"'\`@=:,<>~!^;)\\[]`);
  return (added.find((line) => naming.test(` ${line.text} `)) ?? added[0])?.line ?? 1;
}

function severityOf(pkg: ReviewedPackage, vulnerability: KnownVulnerability): Severity {
  // A development dependency does not ship: worth knowing, not worth failing a build on.
  if (pkg.scope === 'development') return 'low';
  return SEVERITY[vulnerability.severity.toLowerCase()] ?? 'medium';
}

function finding(
  pkg: ReviewedPackage,
  vulnerability: ReviewedVulnerability,
  line: number,
  previous: ComparedDependency | undefined,
): Finding {
  const fix = vulnerability.fixedVersion
    ? `Move ${pkg.name} to ${vulnerability.fixedVersion} or later, the first version with the fix.`
    : `GitHub knows no patched version of ${pkg.name} for this advisory: use another package, or keep it knowing the risk.`;
  const kept = previous?.vulnerabilities.some((v) => v.ghsaId === vulnerability.ghsaId)
    ? ` ${previous.version} had it too: this change does not fix it.`
    : '';
  const dev = pkg.scope === 'development' ? ' It is a development dependency, so it does not ship.' : '';
  return {
    area: 'security',
    ruleId: VULNERABLE_DEPENDENCY_RULE,
    severity: severityOf(pkg, vulnerability),
    file: pkg.manifest,
    line,
    title: `${pkg.name} ${pkg.version} has a known vulnerability: ${vulnerability.ghsaId} (${vulnerability.severity})`,
    explanation: `${vulnerability.summary} (${vulnerability.url}).${kept}${dev}`,
    recommendation: fix,
    origin: 'rule',
  };
}

function reviewedPackage(
  dependency: ComparedDependency,
  previous: ComparedDependency | undefined,
  patches: ReadonlyMap<string, readonly AdvisoryPatch[]>,
): ReviewedPackage {
  return {
    ecosystem: dependency.ecosystem,
    name: dependency.name,
    version: dependency.version,
    manifest: dependency.manifest,
    ...(previous ? { previousVersion: previous.version } : {}),
    license: dependency.license,
    scope: dependency.scope,
    vulnerabilities: dependency.vulnerabilities.map((v) => {
      const fixed = chooseFixedVersion(patches.get(v.ghsaId) ?? [], dependency);
      return fixed ? { ...v, fixedVersion: fixed } : { ...v };
    }),
  };
}

/** The folder of a manifest: a manifest and its lockfile sit side by side, two projects do not. */
function folderOf(manifest: string): string {
  return manifest.includes('/') ? manifest.slice(0, manifest.lastIndexOf('/')) : '.';
}

/**
 * Reads GitHub's comparison of the base and head dependency graphs: every package version the
 * PR adds or moves to (GitHub lists an upgrade as the old version removed and the new one
 * added), with its licence and known vulnerabilities; a security finding per vulnerable package
 * and advisory, anchored on the manifest line that names the package; and the advisories an
 * upgrade leaves behind. A version listed by a manifest and its lockfile counts once, and so
 * does an advisory; in two projects' folders, once for each. `patches` holds, by GHSA id, what the advisories say is fixed where.
 */
export function reviewDependencyChanges(
  dependencies: readonly ComparedDependency[],
  patches: ReadonlyMap<string, readonly AdvisoryPatch[]>,
  files: readonly ChangedFile[],
): DependencyReview {
  const key = (d: ComparedDependency) => `${d.manifest}\u0000${d.name}`;
  const removed = new Map(dependencies.filter((d) => d.change === 'removed').map((d) => [key(d), d]));
  const seenVersions = new Set<string>();
  const seenAdvisories = new Set<string>();
  const review: DependencyReview = { packages: [], resolved: [], findings: [] };
  for (const dependency of dependencies) {
    const folder = folderOf(dependency.manifest);
    const id = `${folder}:${dependency.ecosystem}:${dependency.name}@${dependency.version}`;
    if (dependency.change !== 'added' || seenVersions.has(id)) continue;
    seenVersions.add(id);
    const previous = removed.get(key(dependency));
    const pkg = reviewedPackage(dependency, previous, patches);
    review.packages.push(pkg);
    const advisoryKey = (ghsaId: string) => `${folder}:${pkg.ecosystem}:${pkg.name}:${ghsaId}`;
    const fresh = pkg.vulnerabilities.filter((v) => !seenAdvisories.has(advisoryKey(v.ghsaId)));
    const line = fresh.length > 0 ? lineOf(files, pkg.manifest, pkg.name) : 0;
    for (const vulnerability of fresh) {
      seenAdvisories.add(advisoryKey(vulnerability.ghsaId));
      review.findings.push(finding(pkg, vulnerability, line, previous));
    }
    const still = new Set(pkg.vulnerabilities.map((v) => v.ghsaId));
    for (const old of previous?.vulnerabilities ?? []) {
      const listed = review.resolved.some((r) => r.name === pkg.name && r.ghsaId === old.ghsaId);
      if (!still.has(old.ghsaId) && !listed)
        review.resolved.push({
          name: pkg.name,
          version: previous?.version ?? '',
          ghsaId: old.ghsaId,
          severity: old.severity,
        });
    }
  }
  return review;
}
