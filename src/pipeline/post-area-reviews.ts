import type { ChangedFile } from '../code/diff/changed-file.js';
import { parsePatch } from '../code/diff/parse-patch.js';
import type { InlineComment, IssueComment } from '../github/gateway.js';
import type { Finding } from '../handoffs/finding.js';
import { fingerprintFinding } from '../handoffs/fingerprint-finding.js';
import type { HandoffArea } from '../handoffs/handoff-area.js';
import {
  renderInlineComment,
  renderReviewComment,
  reviewCommentMarker,
} from '../handoffs/render-review-comment.js';
import { fitCommentBody } from '../report/fit-comment-body.js';
import type { ActionEnvironment } from './action-environment.js';
import { writeOrWarn } from './write-or-warn.js';
import { upsertStickyComment } from './upsert-sticky-comment.js';

/** More inline comments than this in one review drown the conversation; the area comments hold the rest. */
const MAX_INLINE = 25;

export interface AreaReview {
  area: HandoffArea;
  reasons: string[];
  findings: Finding[];
  /** One line when the model could not add its review (shown in the area comment). */
  modelNote?: string;
}

function addedLineText(files: ChangedFile[]): Map<string, Map<number, string>> {
  const byFile = new Map<string, Map<number, string>>();
  for (const file of files) {
    const lines = new Map<number, string>();
    for (const added of parsePatch(file.patch).added) lines.set(added.line, added.text);
    byFile.set(file.path, lines);
  }
  return byFile;
}

/** Findings on added lines, not already posted in an earlier run (matched by fingerprint). */
export function selectInlineComments(
  findings: Finding[],
  files: ChangedFile[],
  postedBodies: string[],
): InlineComment[] {
  const added = addedLineText(files);
  const posted = postedBodies.join('\n');
  const comments: InlineComment[] = [];
  const seen = new Set<string>();
  const ranked = [...findings].sort(
    (a, b) => ['high', 'medium', 'low'].indexOf(a.severity) - ['high', 'medium', 'low'].indexOf(b.severity),
  );
  for (const finding of ranked) {
    const text = added.get(finding.file)?.get(finding.line);
    if (text === undefined) continue; // GitHub only takes inline comments on lines of the diff
    const fingerprint = fingerprintFinding(finding, text);
    // The same problem can come from two areas (a model often repeats itself): one comment per line and title.
    const sameSpot = `${finding.file}:${finding.line}:${finding.title.toLowerCase()}`;
    if (seen.has(fingerprint) || seen.has(sameSpot) || posted.includes(fingerprint)) continue;
    seen.add(fingerprint).add(sameSpot);
    comments.push({ path: finding.file, line: finding.line, body: renderInlineComment(finding, text) });
    if (comments.length >= MAX_INLINE) break;
  }
  return comments;
}

/**
 * Posts one comment per area (edited in place on re-runs) and one PR review with inline
 * comments for findings not posted before. Returns the area comments' URLs.
 *
 * An automatic handoff whose review found nothing gets no comment of its own (the report
 * lists it), unless an earlier run left one: that one is edited so no stale finding stays up.
 * A review a person asked for is always answered.
 */
export async function postAreaReviews(
  env: ActionEnvironment,
  pr: { number: number; headSha: string },
  reviews: AreaReview[],
  files: ChangedFile[],
  options: { alwaysComment: boolean },
): Promise<Map<HandoffArea, string>> {
  const urls = new Map<HandoffArea, string>();
  if (!env.settings.comment) return urls;
  const existing = await env.gateway.listComments(pr.number);
  for (const review of reviews) {
    const marker = reviewCommentMarker(review.area);
    const body = fitCommentBody(
      env.redact(
        renderReviewComment(review.area, review.findings, {
          reasons: review.reasons,
          headSha: pr.headSha,
          ...(review.modelNote ? { modelNote: review.modelNote } : {}),
        }),
      ),
      env.run.runUrl,
    );
    const known: IssueComment | undefined = existing.find((c) => c.body.startsWith(marker));
    if (!known && review.findings.length === 0 && !options.alwaysComment) continue;
    const posted = await writeOrWarn(env.log, () =>
      upsertStickyComment(env.gateway, pr.number, marker, body, known),
    );
    if (posted) urls.set(review.area, posted.htmlUrl);
  }
  const all = reviews.flatMap((r) => r.findings);
  if (all.length === 0) return urls;
  const inline = selectInlineComments(all, files, await env.gateway.listReviewCommentBodies(pr.number));
  if (inline.length === 0) return urls;
  await writeOrWarn(env.log, async () => {
    const summary = `backend-developer found ${inline.length} new issue${inline.length === 1 ? '' : 's'} on changed lines. Details are in the review comments of each area.`;
    await env.gateway.createReview(
      pr.number,
      pr.headSha,
      env.redact(summary),
      inline.map((c) => ({ ...c, body: env.redact(c.body) })),
    );
  });
  return urls;
}
