import type { DependencyReviewOutcome } from '../../handoffs/dependency-review/dependency-review-outcome.js';
import type {
  ReviewedPackage,
  ReviewedVulnerability,
} from '../../handoffs/dependency-review/review-dependency-changes.js';
import { code, details, inline, plural, table } from '../markdown.js';

/** Rows shown before the rest folds away: a lockfile change can list hundreds of packages. */
const VISIBLE_ROWS = 15;
const MAX_ROWS = 300;

const BADGE: Record<string, string> = { critical: '🔴', high: '🔴', moderate: '🟠', low: '🟡' };

function vulnerabilityText(v: ReviewedVulnerability): string {
  const fixed = v.fixedVersion ? `, fixed in ${code(v.fixedVersion)}` : ', no fixed version known';
  return `${BADGE[v.severity.toLowerCase()] ?? ''} ${code(v.ghsaId)} (${inline(v.severity)}): ${inline(v.summary)}${fixed}`.trim();
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
    pkg.license ? inline(pkg.license) : 'not found',
    pkg.vulnerabilities.length > 0 ? pkg.vulnerabilities.map(vulnerabilityText).join('<br>') : 'none known',
  ];
}

function packagesTable(packages: ReviewedPackage[]): string {
  const headers = ['Package', 'Version', 'Manifest', 'Licence', 'Known vulnerabilities'];
  // Vulnerable versions first: they are what the reader must see.
  const sorted = [...packages].sort((a, b) => b.vulnerabilities.length - a.vulnerabilities.length);
  const shown = table(headers, sorted.slice(0, VISIBLE_ROWS).map(row));
  if (sorted.length <= VISIBLE_ROWS) return shown;
  const folded = table(headers, sorted.slice(VISIBLE_ROWS, MAX_ROWS).map(row));
  const rest = sorted.length > MAX_ROWS ? `\n\n… and ${sorted.length - MAX_ROWS} more.` : '';
  return `${shown}\n\n${details(`${sorted.length - VISIBLE_ROWS} more packages`, folded + rest)}`;
}

/**
 * The dependency review as Markdown: the versions the PR adds or upgrades to, with licence and
 * known vulnerabilities, and the advisories an upgrade leaves behind; or the one line saying why
 * it did not run and what to enable. Shared by the report and the security review comment.
 */
export function renderDependencyReview(outcome: DependencyReviewOutcome): string {
  if (!outcome.ran) return `> [!NOTE]\n> ${inline(outcome.reason)}`;
  const { packages, resolved } = outcome.review;
  const vulnerable = packages.filter((p) => p.vulnerabilities.length > 0).length;
  const lines = [
    `${plural(packages.length, 'package version')} added or upgraded to, read from GitHub's dependency graph: ${
      vulnerable === 0 ? 'no known vulnerability' : `${vulnerable} with known vulnerabilities`
    }.`,
  ];
  if (packages.length > 0) lines.push('', packagesTable(packages));
  if (resolved.length > 0) {
    const fixed = resolved.map((r) => `${code(r.name)} ${code(r.version)} ${code(r.ghsaId)} (${inline(r.severity)})`);
    lines.push('', `Advisories this PR leaves behind: ${fixed.join(', ')}.`);
  }
  return lines.join('\n');
}

/** The report's Dependency Review section, when the PR changes a manifest or lockfile. */
export function renderDependencyReviewSection(outcome: DependencyReviewOutcome | undefined): string | undefined {
  return outcome ? `### Dependency Review\n\n${renderDependencyReview(outcome)}` : undefined;
}
