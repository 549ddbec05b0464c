import type { IssueComment } from '../github/gateway.js';
import type { PullRequestInfo } from '../github/pull-request.js';
import type { CommentVersion } from '../report/comment-marker.js';
import type { ActionEnvironment } from './action-environment.js';
import { convergeStickyComment, type CurrentHead, type StickyComment } from './converge-sticky-comment.js';
import { writeOrWarn } from './write-or-warn.js';

/**
 * The PR's comments as this run last listed them. Writing takes seconds (GitHub asks for writes a
 * second or more apart), so after writing, the next step lists again: each write then checks the
 * versions other runs left just before it, and a racing run's twin is found and removed.
 */
export class CommentsView {
  private stale = false;
  constructor(
    private readonly env: ActionEnvironment,
    private readonly prNumber: number,
    private listed: IssueComment[],
  ) {}

  get current(): IssueComment[] {
    return this.listed;
  }

  /** Note that this run wrote (or waited) since it listed. */
  wrote(): void {
    this.stale = true;
  }

  async fresh(): Promise<IssueComment[]> {
    if (this.stale) this.listed = await this.env.gateway.listComments(this.prNumber);
    this.stale = false;
    return this.listed;
  }
}

/** The notice of a run whose commit is no longer the newest one reported. */
export function staleNotice(env: ActionEnvironment, pr: PullRequestInfo, newer: CommentVersion): void {
  env.log.notice(
    `This pull request already has results for a newer commit (${newer.sha.slice(0, 7)}); the results for ${pr.headSha.slice(0, 7)} are in this job's summary only.`,
  );
}

/** Writes each sticky comment and notes what it became; returns those this run created. */
export async function writeStickies(
  env: ActionEnvironment,
  pr: PullRequestInfo,
  view: CommentsView,
  stickies: { sticky: StickyComment; done: (comment: IssueComment) => void }[],
  currentHead: CurrentHead,
): Promise<StickyComment[]> {
  const listed = await view.fresh();
  const created: StickyComment[] = [];
  for (const { sticky, done } of stickies) {
    const outcome = await writeOrWarn(env.log, () =>
      convergeStickyComment(env.gateway, pr.number, listed, sticky, currentHead),
    );
    if (outcome?.kind === 'stale') staleNotice(env, pr, outcome.newer);
    if (outcome?.kind === 'written' || outcome?.kind === 'unchanged') done(outcome.comment);
    if (outcome?.kind === 'written') view.wrote();
    if (outcome?.kind === 'written' && outcome.created) created.push(sticky);
  }
  return created;
}

/** Converges comments this run created once more, on a fresh list (see `CommentsView`). */
export async function settle(
  env: ActionEnvironment,
  pr: PullRequestInfo,
  view: CommentsView,
  created: StickyComment[],
  currentHead: CurrentHead,
): Promise<void> {
  if (created.length === 0) return;
  view.wrote();
  const listed = await view.fresh();
  for (const sticky of created)
    await convergeStickyComment(env.gateway, pr.number, listed, { ...sticky, create: false }, currentHead);
}
