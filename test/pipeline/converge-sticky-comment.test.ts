import { describe, expect, it } from 'vitest';
import type { CommentStore, IssueComment } from '../../src/github/gateway.js';
import { convergeStickyComment, type StickyComment } from '../../src/pipeline/converge-sticky-comment.js';

/** The conversation of one PR, in memory: the comment port is all the convergence logic needs. */
function conversation(initial: { body: string; author?: string }[] = []) {
  let nextId = 100;
  const comments: IssueComment[] = initial.map((c) => ({
    id: nextId++,
    body: c.body,
    author: c.author ?? 'github-actions[bot]',
    htmlUrl: '',
  }));
  const writes: string[] = [];
  const store: CommentStore = {
    listComments: async () => comments.map((c) => ({ ...c })),
    createComment: async (_pr, body) => {
      const comment = { id: nextId++, body, author: 'github-actions[bot]', htmlUrl: `#c${nextId}` };
      comments.push(comment);
      writes.push(`create ${comment.id}`);
      return { ...comment };
    },
    updateComment: async (id, body) => {
      const comment = comments.find((c) => c.id === id);
      if (!comment) throw new Error(`no comment ${id}`);
      comment.body = body;
      writes.push(`update ${id}`);
      return { ...comment };
    },
    deleteComment: async (id) => {
      const at = comments.findIndex((c) => c.id === id);
      if (at >= 0) comments.splice(at, 1);
      writes.push(`delete ${id}`);
    },
  };
  return { store, comments, writes };
}

const OLD = 'a'.repeat(40);
const NEW = 'b'.repeat(40);
const report = (sha: string, at: string, text: string) =>
  `<!-- backend-developer:report sha=${sha} at=${at} -->\n${text}`;
const ours = (sha: string, at: string): StickyComment => ({
  name: 'report',
  body: '<!-- backend-developer:report -->\nOur report',
  version: { sha, at },
  create: true,
});
const noHead = () => Promise.reject(new Error('the versions can be ordered without asking GitHub'));

describe('convergeStickyComment', () => {
  it('keeps the oldest of three report comments, writes the newest content into it and deletes the others', async () => {
    const pr = conversation([
      { body: report(OLD, '2026-12-05T10:00:00Z', 'first') },
      { body: report(OLD, '2026-12-05T10:00:00Z', 'second') },
      { body: report(OLD, '2026-12-05T10:00:00Z', 'third') },
    ]);
    const outcome = await convergeStickyComment(
      pr.store,
      7,
      await pr.store.listComments(7),
      ours(NEW, '2026-12-05T10:05:00Z'),
      noHead,
    );
    expect(outcome.kind).toBe('written');
    expect(pr.comments.map((c) => c.id)).toEqual([100]);
    expect(pr.comments[0]?.body).toBe(report(NEW, '2026-12-05T10:05:00Z', 'Our report'));
    expect(pr.writes).toEqual(['update 100', 'delete 101', 'delete 102']);
  });

  it('does not overwrite a report for a newer commit, but still removes duplicates', async () => {
    const pr = conversation([
      { body: report(NEW, '2026-12-05T10:05:00Z', 'newer') },
      { body: report(OLD, '2026-12-05T10:00:00Z', 'older') },
    ]);
    const outcome = await convergeStickyComment(
      pr.store,
      7,
      await pr.store.listComments(7),
      ours(OLD, '2026-12-05T10:00:00Z'),
      noHead,
    );
    expect(outcome).toEqual({ kind: 'stale', newer: { sha: NEW, at: '2026-12-05T10:05:00Z' } });
    expect(pr.comments.map((c) => c.body)).toEqual([report(NEW, '2026-12-05T10:05:00Z', 'newer')]);
  });

  it("asks GitHub for the PR's head when two commits were seen at the same second", async () => {
    const pr = conversation([{ body: report(NEW, '2026-12-05T10:00:00Z', 'theirs') }]);
    const listed = await pr.store.listComments(7);
    const stale = await convergeStickyComment(
      pr.store,
      7,
      listed,
      ours(OLD, '2026-12-05T10:00:00Z'),
      async () => NEW,
    );
    expect(stale.kind).toBe('stale');
    const written = await convergeStickyComment(
      pr.store,
      7,
      listed,
      ours(OLD, '2026-12-05T10:00:00Z'),
      async () => OLD,
    );
    expect(written.kind).toBe('written');
  });

  it("never deletes a person's comment that quotes the marker", async () => {
    const pr = conversation([
      { body: report(OLD, '2026-12-05T10:00:00Z', 'pasted by a person'), author: 'octo-dev' },
      { body: report(OLD, '2026-12-05T10:00:00Z', 'the bot') },
    ]);
    await convergeStickyComment(
      pr.store,
      7,
      await pr.store.listComments(7),
      ours(NEW, '2026-12-05T10:05:00Z'),
      noHead,
    );
    expect(pr.comments.map((c) => [c.id, c.author])).toEqual([
      [100, 'octo-dev'],
      [101, 'github-actions[bot]'],
    ]);
    expect(pr.comments[0]?.body).toContain('pasted by a person');
    expect(pr.writes).toEqual(['update 101']);
  });

  it('writes nothing when the comment already says the same, and creates only when asked to', async () => {
    const pr = conversation();
    const area: StickyComment = {
      ...ours(NEW, '2026-12-05T10:05:00Z'),
      name: 'review:qa',
      body: '<!-- backend-developer:review:qa -->\nQA',
      create: false,
    };
    expect((await convergeStickyComment(pr.store, 7, [], area, noHead)).kind).toBe('absent');
    const created = await convergeStickyComment(pr.store, 7, [], { ...area, create: true }, noHead);
    expect(created).toMatchObject({ kind: 'written', created: true });
    const again = await convergeStickyComment(pr.store, 7, await pr.store.listComments(7), area, noHead);
    expect(again.kind).toBe('unchanged');
    expect(pr.writes).toEqual(['create 100']);
  });
});
