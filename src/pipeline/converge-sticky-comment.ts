import type { CommentStore, IssueComment } from '../github/gateway.js';
import {
  compareVersions,
  hasMarker,
  readMarker,
  stampMarker,
  type CommentVersion,
} from '../report/comment-marker.js';

/** One comment the bot keeps per pull request: the report, or one area's review. */
export interface StickyComment {
  /** Marker name: `report`, `review:security`… */
  name: string;
  /** The body, opening with the bare marker; the run's version is stamped into it. */
  body: string;
  version: CommentVersion;
  /** Create the comment when the PR has none (an area with nothing to say does not). */
  create: boolean;
}

export type StickyOutcome =
  | { kind: 'written'; comment: IssueComment; created: boolean }
  | { kind: 'unchanged'; comment: IssueComment }
  | { kind: 'absent' }
  /** A comment describes a newer head commit: this run's content was not written. */
  | { kind: 'stale'; newer: CommentVersion };

/** The answer GitHub gives for the PR's head commit, asked only when versions cannot be ordered. */
export type CurrentHead = () => Promise<string>;

/**
 * The comments carrying the marker, the one to keep first: the oldest from a bot account when
 * there is one (anyone can paste a marker into a comment), else the oldest. Only comments by
 * the same account as the kept one count as duplicates: a person's comment is never deleted.
 */
export function markedComments(listed: readonly IssueComment[], name: string): IssueComment[] {
  const marked = listed.filter((c) => hasMarker(c.body, name)).sort((a, b) => a.id - b.id);
  const keep = marked.find((c) => c.author.endsWith('[bot]')) ?? marked[0];
  return keep ? [keep, ...marked.filter((c) => c !== keep && c.author === keep.author)] : [];
}

/** The newest version among the comments that beats ours, if any. */
export async function newerVersion(
  comments: readonly IssueComment[],
  ours: CommentVersion,
  currentHead: CurrentHead,
): Promise<CommentVersion | undefined> {
  let head: string | undefined;
  for (const comment of comments) {
    const theirs = readMarker(comment.body)?.version;
    const order = compareVersions(ours, theirs);
    if (order === 'theirs-newer') return theirs;
    if (order !== 'unknown' || !theirs) continue;
    head ??= await currentHead();
    if (head !== ours.sha) return theirs;
  }
  return undefined;
}

/**
 * Creates the comment. When the create failed ambiguously and the re-read found a comment with
 * the marker, that one (ours after all, or another run's) gets this run's body unless it is newer.
 * Either way a comment appeared that other runs may not have seen: the caller lists again.
 */
async function create(
  store: CommentStore,
  prNumber: number,
  sticky: StickyComment,
  body: string,
  currentHead: CurrentHead,
): Promise<StickyOutcome> {
  const created = await store.createComment(prNumber, body, (c) => hasMarker(c.body, sticky.name));
  if (created.body === body) return { kind: 'written', comment: created, created: true };
  const settled = await convergeStickyComment(
    store,
    prNumber,
    [created],
    { ...sticky, create: false },
    currentHead,
  );
  return settled.kind === 'written' || settled.kind === 'unchanged'
    ? { kind: 'written', comment: settled.comment, created: true }
    : settled;
}

/**
 * Brings the PR to exactly one comment for `sticky.name`, given the comments just listed: keeps
 * the oldest, writes this run's body into it unless a comment describes a newer head commit
 * (an older run never overwrites a newer one), and deletes the others. Every run deletes the
 * same duplicates, so runs that race end in the same state whatever their order.
 */
export async function convergeStickyComment(
  store: CommentStore,
  prNumber: number,
  listed: readonly IssueComment[],
  sticky: StickyComment,
  currentHead: CurrentHead,
): Promise<StickyOutcome> {
  const [keep, ...duplicates] = markedComments(listed, sticky.name);
  const newer = await newerVersion(keep ? [keep, ...duplicates] : [], sticky.version, currentHead);
  const body = stampMarker(sticky.body, sticky.name, sticky.version);
  let outcome: StickyOutcome;
  if (newer) outcome = { kind: 'stale', newer };
  else if (keep && keep.body === body) outcome = { kind: 'unchanged', comment: keep };
  else if (keep)
    outcome = { kind: 'written', comment: await store.updateComment(keep.id, body), created: false };
  else if (!sticky.create) outcome = { kind: 'absent' };
  else outcome = await create(store, prNumber, sticky, body, currentHead);
  for (const duplicate of duplicates) await store.deleteComment(duplicate.id);
  return outcome;
}
