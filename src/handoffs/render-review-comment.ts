import { renderAreaState, type TrackedFinding } from './area-comment-state.js';
import type { Finding, Severity } from './finding.js';
import type { HandoffArea } from './handoff-area.js';
import { HANDOFF_CATALOG } from './handoff-catalog.js';
import { inlineText, SEVERITY_BADGE } from './render-inline-comment.js';

export { renderInlineComment } from './render-inline-comment.js';

/** GitHub rejects comment bodies above 65,536 characters; stop well before, leaving room for the closing note. */
export const MAX_COMMENT_CHARS = 60_000;
/** Fixes longer than this go into a collapsed `<details>`. */
const LONG_FIX_CHARS = 200;

const SEVERITY_ORDER: readonly Severity[] = ['high', 'medium', 'low'];

export interface ReviewCommentMeta {
  /** Why the area was handed off, one short sentence each. */
  reasons: string[];
  /** The commit the findings are about. */
  headSha: string;
  /** One line about the model's part (skipped, failed, added n findings). */
  modelNote?: string;
  /**
   * Findings an earlier run reported that are gone now, and what this comment remembers for the
   * next run (see `advanceAreaState`): written as one hidden line under the marker.
   */
  tracking?: { resolved: TrackedFinding[]; state: Parameters<typeof renderAreaState>[0] };
}

/** Resolved findings are listed briefly: struck through, with the commit where they went away. */
function resolvedLines(resolved: readonly TrackedFinding[]): string[] {
  if (resolved.length === 0) return [];
  return [
    '',
    `### Resolved (${resolved.length})`,
    '',
    ...resolved.map(
      (f) =>
        `- ~~${cell(f.title)}~~ — \`${cell(f.file).replace(/`/g, "'")}:${f.line}\` (\`${cell(f.ruleId)}\`)${f.resolvedAt ? `, gone at ${f.resolvedAt.slice(0, 7)}` : ''}`,
    ),
  ];
}

/** The hidden marker that identifies an area's comment (PRODUCT.md "Comments"). */
export function reviewCommentMarker(area: HandoffArea): string {
  return `<!-- backend-developer:review:${area} -->`;
}

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
  return inlineText(text).replace(/\|/g, '\\|');
}

function where(finding: Finding): string {
  const side = finding.side === 'LEFT' ? ' (removed)' : '';
  return `\`${cell(finding.file).replace(/`/g, "'")}:${finding.line}\`${side}`;
}

function bySeverityThenPlace(a: Finding, b: Finding): number {
  const severity = SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity);
  if (severity !== 0) return severity;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line;
}

function countLine(findings: readonly Finding[]): string {
  const counts = SEVERITY_ORDER.map(
    (severity) => [severity, findings.filter((f) => f.severity === severity).length] as const,
  )
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`);
  return `**${findings.length} finding${findings.length === 1 ? '' : 's'}** (${counts.join(', ')})`;
}

function tableRow(finding: Finding): string {
  const origin = finding.origin === 'model' ? ' _(model)_' : '';
  return `| ${SEVERITY_BADGE[finding.severity]} | \`${cell(finding.ruleId)}\` | ${where(finding)} | ${cell(finding.title)}${origin} |`;
}

function fixBlock(finding: Finding, index: number): string {
  const heading = `**${index}. ${cell(finding.title)}** — ${where(finding)}`;
  const body = `${inlineText(finding.explanation)}\n\n**Fix:** ${inlineText(finding.recommendation)}`;
  if (body.length <= LONG_FIX_CHARS) return `${heading}\n${body}`;
  return `${heading}\n<details><summary>Why and how to fix</summary>\n\n${body}\n\n</details>`;
}

function header(area: HandoffArea, meta: ReviewCommentMeta): string[] {
  const lines = [reviewCommentMarker(area)];
  if (meta.tracking) lines.push(renderAreaState(meta.tracking.state));
  lines.push(`## ${HANDOFF_CATALOG[area].title}`, '');
  if (meta.reasons.length > 0) {
    lines.push('**Why this review ran**', ...meta.reasons.map((reason) => `- ${inlineText(reason)}`), '');
  }
  return lines;
}

function footer(meta: ReviewCommentMeta): string[] {
  const lines: string[] = resolvedLines(meta.tracking?.resolved ?? []);
  if (meta.modelNote) lines.push('', `> ${inlineText(meta.modelNote)}`);
  lines.push(
    '',
    `<sub>Reviewed at ${meta.headSha.slice(0, 12)} by deterministic rules${meta.modelNote ? ' and the model' : ''}.</sub>`,
  );
  return lines;
}

/**
 * The body of one area's review comment: marker, title, why the handoff happened, a summary table and a
 * fix per finding. Findings that do not fit under GitHub's size limit are counted, not dropped silently.
 */
export function renderReviewComment(area: HandoffArea, findings: Finding[], meta: ReviewCommentMeta): string {
  const lines = header(area, meta);
  const closing = footer(meta);
  if (findings.length === 0) {
    lines.push(
      meta.tracking?.resolved.length
        ? 'No findings remain: the ones reported earlier are resolved.'
        : 'No findings from the deterministic rules.',
    );
    return [...lines, ...closing].join('\n');
  }
  const sorted = [...findings].sort(bySeverityThenPlace);
  lines.push(countLine(sorted), '', '| Severity | Rule | Where | Finding |', '| --- | --- | --- | --- |');
  let size = lines.join('\n').length + closing.join('\n').length;
  const rows: string[] = [];
  const fixes: string[] = [];
  let shown = 0;
  for (const finding of sorted) {
    const row = tableRow(finding);
    const fix = fixBlock(finding, shown + 1);
    if (size + row.length + fix.length + 200 > MAX_COMMENT_CHARS) break;
    rows.push(row);
    fixes.push(fix);
    size += row.length + fix.length + 4;
    shown += 1;
  }
  lines.push(...rows);
  if (shown < sorted.length) {
    lines.push(
      '',
      `_${sorted.length - shown} more finding${sorted.length - shown === 1 ? '' : 's'} not shown: the comment would exceed GitHub's size limit._`,
    );
  }
  lines.push('', '### How to fix', '', fixes.join('\n\n'));
  return [...lines, ...closing].join('\n');
}
