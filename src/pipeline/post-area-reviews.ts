import type { IssueComment } from '../github/gateway.js';
import {
  advanceAreaState,
  readAreaState,
  type AreaCommentState,
  type TrackedFinding,
} from '../handoffs/area-comment-state.js';
import type { Finding } from '../handoffs/finding.js';
import type { HandoffArea } from '../handoffs/handoff-area.js';
import { renderReviewComment } from '../handoffs/render-review-comment.js';
import { MARKER_STAMP_ROOM } from '../report/comment-marker.js';
import { fitCommentBody, GITHUB_BODY_LIMIT } from '../report/fit-comment-body.js';
import type { ActionEnvironment } from './action-environment.js';
import { markedComments, type StickyComment } from './converge-sticky-comment.js';
import type { DiffLines } from './finding-lines.js';

export interface AreaReview {
  area: HandoffArea;
  reasons: string[];
  findings: Finding[];
  /** One line when the model could not add its review (shown in the area comment). */
  modelNote?: string;
}

/** One area's comment as this run would write it, and what is new since the last analysed commit. */
export interface AreaComment {
  review: AreaReview;
  sticky: StickyComment;
  /** Fingerprints of findings the area comment did not list at the last analysed commit. */
  newSinceLastRun: Set<string>;
  /** The state written into the comment, before `withheld` findings are taken out of it. */
  state: AreaCommentState;
}

/** The marker name of an area's comment (PRODUCT.md "Comments"). */
export function areaMarkerName(area: HandoffArea): string {
  return `review:${area}`;
}

/** Redacted before it is encoded: the hidden record is as public as the comment. */
function track(finding: Finding, lines: DiffLines, redact: (text: string) => string): TrackedFinding {
  const { severity, ruleId, file, line, title } = finding;
  return {
    fingerprint: lines.fingerprintOf(finding),
    severity,
    ruleId,
    file: redact(file),
    line,
    title: redact(title),
  };
}

/**
 * The area comments of this run, from the comments on the PR: each carries its findings, the ones
 * an earlier run listed that are gone now (resolved), and a hidden record for the next run.
 * An automatic handoff that found nothing gets no comment of its own (the report lists it),
 * unless an earlier run left one: that one is updated so no stale finding stays up. A review a
 * person asked for (`alwaysComment`) is always answered.
 */
export function prepareAreaComments(
  env: ActionEnvironment,
  pr: { headSha: string; updatedAt?: string },
  reviews: readonly AreaReview[],
  listed: readonly IssueComment[],
  lines: DiffLines,
  options: { alwaysComment: boolean },
): AreaComment[] {
  return reviews.map((review) => {
    const name = areaMarkerName(review.area);
    const [existing] = markedComments(listed, name);
    const previous = existing ? readAreaState(existing.body) : undefined;
    const change = advanceAreaState(
      previous,
      review.findings.map((f) => track(f, lines, env.redact)),
      pr.headSha,
    );
    return {
      review,
      newSinceLastRun: change.newSinceLastRun,
      state: change.state,
      sticky: {
        name,
        body: areaCommentBody(env, review, pr.headSha, change.state),
        version: { sha: pr.headSha, ...(pr.updatedAt ? { at: pr.updatedAt } : {}) },
        create: review.findings.length > 0 || options.alwaysComment,
      },
    };
  });
}

/** The area comment's body for `state` (call again with a smaller state when findings are withheld). */
export function areaCommentBody(
  env: ActionEnvironment,
  review: AreaReview,
  headSha: string,
  state: AreaCommentState,
): string {
  const markdown = renderReviewComment(review.area, review.findings, {
    reasons: review.reasons,
    headSha,
    ...(review.modelNote ? { modelNote: review.modelNote } : {}),
    tracking: { resolved: state.resolved, state },
  });
  return fitCommentBody(env.redact(markdown), env.run.runUrl, GITHUB_BODY_LIMIT - MARKER_STAMP_ROOM);
}
