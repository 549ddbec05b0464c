import type { CommentStore, IssueComment } from '../github/gateway.js';

/**
 * Keeps one comment per PR for a marker: edits the comment carrying the marker, or creates it.
 * The bot cannot learn its own login with the workflow token (GET /user is 403), so the
 * hidden marker is what identifies its comment; the oldest match wins if a race made two.
 */
export async function upsertStickyComment(
  store: CommentStore,
  prNumber: number,
  marker: string,
  body: string,
  known?: IssueComment,
): Promise<IssueComment> {
  const existing = known ?? (await findStickyComment(store, prNumber, marker));
  if (existing) return store.updateComment(existing.id, body);
  return store.createComment(prNumber, body);
}

/**
 * Our bodies start with the marker. Anyone can paste a marker into a comment, so a bot
 * account's comment is preferred over a person's.
 */
export async function findStickyComment(
  store: CommentStore,
  prNumber: number,
  marker: string,
): Promise<IssueComment | undefined> {
  const candidates = (await store.listComments(prNumber)).filter((c) => c.body.startsWith(marker));
  return candidates.find((c) => c.author.endsWith('[bot]')) ?? candidates[0];
}
