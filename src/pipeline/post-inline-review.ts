import type { InlineComment, ReviewComment } from '../github/gateway.js';
import type { Finding } from '../handoffs/finding.js';
import { findingMarker, renderInlineComment } from '../handoffs/render-inline-comment.js';
import type { ActionEnvironment } from './action-environment.js';
import type { DiffLines } from './finding-lines.js';

/** More inline comments than this in one review drown the conversation; the area comments hold the rest. */
const MAX_INLINE = 25;
const SEVERITY_RANK = ['high', 'medium', 'low'];

/** An inline comment this run would post, with the fingerprint its hidden marker carries. */
export interface PlannedInlineComment extends InlineComment {
  fingerprint: string;
}

/**
 * Inline comments for `findings` that sit on a line of the diff, most severe first, one per
 * fingerprint and one per line and title (two areas, or the model, often repeat a problem).
 */
export function planInlineComments(findings: readonly Finding[], lines: DiffLines): PlannedInlineComment[] {
  const planned: PlannedInlineComment[] = [];
  const seen = new Set<string>();
  const ranked = [...findings].sort(
    (a, b) => SEVERITY_RANK.indexOf(a.severity) - SEVERITY_RANK.indexOf(b.severity),
  );
  for (const finding of ranked) {
    const text = lines.textOf(finding);
    if (text === undefined) continue; // GitHub only takes inline comments on lines of the diff
    const fingerprint = lines.fingerprintOf(finding);
    const sameSpot = `${finding.side ?? 'RIGHT'}:${finding.file}:${finding.line}:${finding.title.toLowerCase()}`;
    if (seen.has(fingerprint) || seen.has(sameSpot)) continue;
    seen.add(fingerprint).add(sameSpot);
    planned.push({
      path: finding.file,
      line: finding.line,
      ...(finding.side === 'LEFT' ? { side: 'LEFT' as const } : {}),
      body: renderInlineComment(finding, text),
      fingerprint,
    });
    if (planned.length >= MAX_INLINE) break;
  }
  return planned;
}

const FINDING_MARKER = /<!-- backend-developer:finding:([0-9a-f]+) -->/;

function fingerprintIn(comment: ReviewComment): string | undefined {
  return FINDING_MARKER.exec(comment.body)?.[1];
}

/**
 * Removes inline comments that repeat a fingerprint (runs that raced both posted it), keeping the
 * oldest. Every run keeps the same one, so racing runs agree.
 */
async function deleteRepeatedInlineComments(env: ActionEnvironment, prNumber: number): Promise<void> {
  const seen = new Set<string>();
  const comments = [...(await env.gateway.listReviewComments(prNumber))].sort((a, b) => a.id - b.id);
  for (const comment of comments) {
    const fingerprint = fingerprintIn(comment);
    if (fingerprint === undefined) continue;
    if (seen.has(fingerprint)) await env.gateway.deleteReviewComment(comment.id);
    else seen.add(fingerprint);
  }
}

/**
 * Posts one review with the planned comments the PR does not already carry (matched by the
 * fingerprint in each comment's hidden marker), then lists again and removes any comment a
 * racing run posted too. Returns whether a review was posted.
 */
export async function postInlineReview(
  env: ActionEnvironment,
  pr: { number: number; headSha: string },
  planned: readonly PlannedInlineComment[],
): Promise<boolean> {
  if (planned.length === 0) return false;
  const posted = new Set(
    (await env.gateway.listReviewComments(pr.number)).map(fingerprintIn).filter((f) => f !== undefined),
  );
  const fresh = planned.filter((c) => !posted.has(c.fingerprint));
  if (fresh.length === 0) return false;
  const summary = `backend-developer found ${fresh.length} new issue${fresh.length === 1 ? '' : 's'} on changed lines. Details are in the review comments of each area.`;
  const first = findingMarker(fresh[0]?.fingerprint ?? '');
  await env.gateway.createReview(
    pr.number,
    pr.headSha,
    env.redact(summary),
    fresh.map(({ fingerprint: _, ...c }) => ({ ...c, body: env.redact(c.body) })),
    (comment) => comment.body.includes(first),
  );
  await deleteRepeatedInlineComments(env, pr.number);
  return true;
}
