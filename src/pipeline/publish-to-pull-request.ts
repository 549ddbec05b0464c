import type { ChangedFile } from '../code/diff/changed-file.js';
import type { IssueComment } from '../github/gateway.js';
import type { PullRequestInfo } from '../github/pull-request.js';
import type { HandoffArea } from '../handoffs/handoff-area.js';
import type { HandoffConfig } from '../handoffs/handoff-config.js';
import type { AreaCommentState } from '../handoffs/area-comment-state.js';
import type { CommentVersion } from '../report/comment-marker.js';
import type { ActionEnvironment } from './action-environment.js';
import { applyHandoffLabels } from './apply-handoff-labels.js';
import { markedComments, newerVersion, type CurrentHead } from './converge-sticky-comment.js';
import { diffLines } from './finding-lines.js';
import {
  areaCommentBody,
  areaMarkerName,
  prepareAreaComments,
  type AreaReview,
} from './post-area-reviews.js';
import { planInlineComments, postInlineReview } from './post-inline-review.js';
import { CommentsView, settle, staleNotice, writeStickies } from './write-sticky-comments.js';
import { writeOrWarn } from './write-or-warn.js';

/** What a run puts on the pull request. */
export interface Publication {
  /** The report comment, rendered once the area comments' URLs are known; absent for a one-area review. */
  report?: (areaUrls: ReadonlyMap<HandoffArea, string>) => string;
  reviews: AreaReview[];
  files: ChangedFile[];
  /** Areas whose `handoff:<area>` label the PR should carry: those with findings, or one a person asked for. */
  labels: HandoffArea[];
  handoffConfig: HandoffConfig;
  /** Answer every review with a comment, findings or not (a person asked for it). */
  alwaysComment: boolean;
}

export interface Published {
  reportUrl?: string;
  areaUrls: Map<HandoffArea, string>;
}

/** The version a run stamps into its comments: the head it analysed, and when the PR last changed before it. */
export function versionOf(pr: PullRequestInfo): CommentVersion {
  return { sha: pr.headSha, ...(pr.updatedAt ? { at: pr.updatedAt } : {}) };
}

/** Asks GitHub for the PR's head once, and only if versions cannot be ordered otherwise. */
export function currentHeadOf(env: ActionEnvironment, prNumber: number): CurrentHead {
  let head: Promise<string> | undefined;
  return () => (head ??= env.gateway.getPullRequest(prNumber).then((pr) => pr.headSha));
}

/** Deletes every comment but the kept one for each marker; the stale run's only write. */
async function deleteDuplicates(
  env: ActionEnvironment,
  listed: IssueComment[],
  names: string[],
): Promise<void> {
  for (const name of names) {
    const [, ...duplicates] = markedComments(listed, name);
    for (const duplicate of duplicates) await env.gateway.deleteComment(duplicate.id);
  }
}

/**
 * The inline review for findings new since the last analysed commit, the area comments and the
 * report, in that order (the report links the area comments). When the review cannot be posted,
 * its findings stay "new" in the area comments, so the next run tries again.
 */
async function postComments(
  env: ActionEnvironment,
  pr: PullRequestInfo,
  publication: Publication,
  published: Published,
): Promise<'stale' | 'posted'> {
  const currentHead = currentHeadOf(env, pr.number);
  const view = new CommentsView(env, pr.number, await env.gateway.listComments(pr.number));
  const areaNames = publication.reviews.map((r) => areaMarkerName(r.area));
  const ownName = publication.report ? 'report' : (areaNames[0] ?? 'report');
  const newer = await newerVersion(markedComments(view.current, ownName), versionOf(pr), currentHead);
  if (newer) {
    staleNotice(env, pr, newer);
    await deleteDuplicates(env, view.current, ['report', ...areaNames]);
    return 'stale';
  }
  const lines = diffLines(publication.files);
  const areas = prepareAreaComments(env, pr, publication.reviews, view.current, lines, publication);
  const fresh = areas.flatMap((a) =>
    a.review.findings.filter((f) => a.newSinceLastRun.has(lines.fingerprintOf(f))),
  );
  const reviewed = await writeOrWarn(env.log, () =>
    postInlineReview(env, pr, planInlineComments(fresh, lines)),
  );
  if (reviewed) view.wrote();
  const areaStickies = areas.map((area) => ({
    sticky:
      reviewed !== undefined
        ? area.sticky
        : { ...area.sticky, body: areaCommentBody(env, area.review, pr.headSha, withoutNew(area)) },
    done: (comment: IssueComment) => published.areaUrls.set(area.review.area, comment.htmlUrl),
  }));
  const created = await writeStickies(env, pr, view, areaStickies, currentHead);
  await settle(env, pr, view, created, currentHead);
  if (!publication.report) return 'posted';
  const report = {
    sticky: {
      name: 'report',
      body: publication.report(published.areaUrls),
      version: versionOf(pr),
      create: true,
    },
    done: (comment: IssueComment) => (published.reportUrl = comment.htmlUrl),
  };
  await settle(env, pr, view, await writeStickies(env, pr, view, [report], currentHead), currentHead);
  return 'posted';
}

/** The area's state without the findings whose inline comments could not be posted. */
function withoutNew(area: { state: AreaCommentState; newSinceLastRun: Set<string> }): AreaCommentState {
  return { ...area.state, open: area.state.open.filter((f) => !area.newSinceLastRun.has(f.fingerprint)) };
}

/**
 * Writes the run's results to the PR: comments (see `postComments`) unless `comment: false`,
 * then the `handoff:<area>` labels. Whatever fails on GitHub is one warning per call; the run goes on.
 */
export async function publishToPullRequest(
  env: ActionEnvironment,
  pr: PullRequestInfo,
  publication: Publication,
): Promise<Published> {
  const published: Published = { areaUrls: new Map() };
  const posting = env.settings.comment
    ? await writeOrWarn(env.log, () => postComments(env, pr, publication, published))
    : 'posted';
  if (posting !== 'stale') await applyHandoffLabels(env, pr, publication.labels, publication.handoffConfig);
  return published;
}
