import { describe, expect, it } from 'vitest';
import { parseEvent } from '../src/event.js';

const pr = {
  number: 7,
  title: 'Add refunds',
  body: null,
  draft: false,
  state: 'open',
  html_url: 'https://github.com/o/r/pull/7',
  user: { login: 'dev' },
  labels: [{ name: 'bug' }],
  head: { sha: 'a'.repeat(40), ref: 'feature/x', repo: { full_name: 'fork/r' } },
  base: { sha: 'b'.repeat(40), ref: 'main', repo: { full_name: 'o/r' } },
};

describe('parseEvent', () => {
  it('parses a pull_request event into the PR facts', () => {
    const event = parseEvent('pull_request', { action: 'opened', pull_request: pr }, undefined);
    expect(event.kind).toBe('pull-request');
    if (event.kind !== 'pull-request') return;
    expect(event.pullRequest).toMatchObject({
      number: 7,
      body: '',
      labels: ['bug'],
      headRef: 'feature/x',
      headRepository: 'fork/r',
      fromFork: true,
    });
  });

  it('treats a head repository GitHub no longer knows (a deleted fork) as a fork', () => {
    const gone = { ...pr, head: { ...pr.head, repo: null } };
    const event = parseEvent('pull_request', { action: 'opened', pull_request: gone }, undefined);
    expect(event.kind === 'pull-request' && event.pullRequest).toMatchObject({
      headRepository: null,
      fromFork: true,
    });
    const same = { ...pr, head: { ...pr.head, repo: { full_name: 'o/r' } } };
    const own = parseEvent('pull_request', { action: 'opened', pull_request: same }, undefined);
    expect(own.kind === 'pull-request' && own.pullRequest.fromFork).toBe(false);
  });

  it('ignores pull request actions that need no report', () => {
    expect(parseEvent('pull_request', { action: 'closed', pull_request: pr }, undefined)).toEqual({
      kind: 'ignored',
      reason: 'Pull request action `closed` needs no report.',
    });
  });

  it('takes only new comments on pull requests', () => {
    const comment = { id: 1, body: '/backend report', user: { login: 'dev', type: 'User' } };
    expect(
      parseEvent(
        'issue_comment',
        { action: 'created', issue: { number: 7, pull_request: {} }, comment },
        undefined,
      ).kind,
    ).toBe('comment');
    expect(
      parseEvent(
        'issue_comment',
        { action: 'edited', issue: { number: 7, pull_request: {} }, comment },
        undefined,
      ).kind,
    ).toBe('ignored');
    expect(
      parseEvent('issue_comment', { action: 'created', issue: { number: 7 }, comment }, undefined).kind,
    ).toBe('ignored');
  });

  it('refuses workflow_dispatch without pr-number, naming the input', () => {
    expect(parseEvent('workflow_dispatch', {}, 7)).toEqual({ kind: 'dispatch', prNumber: 7 });
    const dispatch = parseEvent('workflow_dispatch', {}, undefined);
    expect(dispatch.kind === 'refused' && dispatch.reason).toMatch(/needs the `pr-number` input/);
  });

  it('refuses pull_request_target and ignores other events with a reason', () => {
    const target = parseEvent('pull_request_target', { action: 'opened', pull_request: pr }, undefined);
    expect(target.kind === 'refused' && target.reason).toMatch(/runs with secrets.*use|instead/);
    const push = parseEvent('push', {}, undefined);
    expect(push.kind === 'ignored' && push.reason).toMatch(/`push` is not handled/);
  });

  it('explains a malformed payload instead of throwing', () => {
    const event = parseEvent('pull_request', { action: 'opened', pull_request: { number: 'x' } }, undefined);
    expect(event.kind === 'ignored' && event.reason).toMatch(/not usable/);
  });
});
