import type { DependencyReviewOutcome } from '../../handoffs/dependency-review/dependency-review-outcome.js';
import type {
  DependencyReview,
  ReviewedPackage,
  ReviewedVulnerability,
} from '../../handoffs/dependency-review/review-dependency-changes.js';
import { code, details, inline, plural, table } from '../markdown.js';

/** Rows shown before the rest folds away: a lockfile change can list hundreds of packages. */
const VISIBLE_ROWS = 15;
const MAX_ROWS = 300;
const HEADERS = ['Package', 'Version', 'Manifest', 'Licence', 'Known vulnerabilities'];

const BADGE: Record<string, string> = { critical: '🔴', high: '🔴', moderate: '🟠', medium: '🟠', low: '🟡' };

function vulnerabilityText(v: ReviewedVulnerability): string {
  const fixed = v.fixedVersion ? `fixed in ${code(v.fixedVersion)}` : 'no fixed version known';
  const badge = BADGE[v.severity.toLowerCase()] ?? '⚪';
  return `${badge} ${code(v.ghsaId)} ${inline(v.severity)}: ${inline(v.summary)} (${fixed})`;
}

function row(pkg: ReviewedPackage): string[] {
  const version = pkg.previousVersion
    ? `${code(pkg.previousVersion)} → ${code(pkg.version)}`
    : `${code(pkg.version)} (new)`;
  const scope = pkg.scope === 'development' ? ' (dev)' : '';
  return [
    `${code(pkg.name)} ${inline(pkg.ecosystem)}${scope}`,
    version,
    code(pkg.manifest),
    pkg.license ? inline(pkg.license) : 'not known',
    pkg.vulnerabilities.length > 0 ? pkg.vulnerabilities.map(vulnerabilityText).join('<br>') : 'none known',
  ];
}

function packagesTable(packages: readonly ReviewedPackage[]): string {
  // Vulnerable versions first: they are what the reader must see.
  const sorted = [...packages].sort((a, b) => b.vulnerabilities.length - a.vulnerabilities.length);
  const shown = table(HEADERS, sorted.slice(0, VISIBLE_ROWS).map(row));
  if (sorted.length <= VISIBLE_ROWS) return shown;
  const folded = table(HEADERS, sorted.slice(VISIBLE_ROWS, MAX_ROWS).map(row));
  const rest = sorted.length > MAX_ROWS ? `\n\n… and ${sorted.length - MAX_ROWS} more.` : '';
  return `${shown}\n\n${details(`${sorted.length - VISIBLE_ROWS} more packages`, folded + rest)}`;
}

function summaryLine(review: DependencyReview): string {
  const { packages, findings } = review;
  if (packages.length === 0)
    return "GitHub's dependency graph lists no package version this PR adds or moves to (it may not read these manifests).";
  const vulnerable = packages.filter((p) => p.vulnerabilities.length > 0).length;
  const verdict =
    vulnerable === 0
      ? 'none has a known vulnerability'
      : `${vulnerable} with known vulnerabilities (${plural(findings.length, 'security finding')})`;
  return `${plural(packages.length, 'package version')} added or upgraded to, according to GitHub's dependency graph: ${verdict}.`;
}

/**
 * The dependency review as Markdown: the versions the PR adds or upgrades to, with licence and
 * known vulnerabilities, and the advisories an upgrade leaves behind; or the one line saying why
 * it did not run and what to do.
 */
export function renderDependencyReview(outcome: DependencyReviewOutcome): string {
  if (!outcome.ran) return inline(outcome.reason);
  const lines = [summaryLine(outcome.review)];
  if (outcome.review.packages.length > 0) lines.push('', packagesTable(outcome.review.packages));
  const { resolved } = outcome.review;
  if (resolved.length > 0) {
    const left = resolved.map(
      (r) => `${code(r.name)} ${code(r.version)}: ${code(r.ghsaId)} ${inline(r.severity)}`,
    );
    lines.push('', `Known vulnerabilities this PR moves away from: ${left.join(', ')}.`);
  }
  return lines.join('\n');
}

/** The report's Dependency Review section, when the PR adds or moves a dependency. */
export function renderDependencyReviewSection(
  outcome: DependencyReviewOutcome | undefined,
): string | undefined {
  return outcome ? `### Dependency Review\n\n${renderDependencyReview(outcome)}` : undefined;
}
