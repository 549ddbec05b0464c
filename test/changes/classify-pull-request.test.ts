import { describe, expect, it } from 'vitest';
import { classifyPullRequest, type PullRequestSignals } from '../../src/changes/classify-pull-request.js';

const plain: PullRequestSignals = {
  labels: [],
  title: 'Add order export',
  headBranch: 'order-export',
  body: '',
};

describe('classifyPullRequest', () => {
  it('obeys an explicit override before anything the PR says', () => {
    const result = classifyPullRequest({
      ...plain,
      labels: ['bug'],
      override: 'implementation',
      overrideSource: 'command "/backend feature"',
    });
    expect(result).toEqual({ type: 'implementation', signal: 'command "/backend feature"' });
  });

  it('names the override itself when its source is not given', () => {
    expect(classifyPullRequest({ ...plain, override: 'bugfix' })).toEqual({
      type: 'bugfix',
      signal: 'override "bugfix"',
    });
  });

  it.each(['bug', 'Bug', 'hotfix', 'regression', 'type: bug', 'kind/bug', '🐛 bug', 'Type: Bugfix'])(
    'reads the label "%s" as a bug fix',
    (label) => {
      expect(classifyPullRequest({ ...plain, labels: ['backend', label] })).toEqual({
        type: 'bugfix',
        signal: `label "${label}"`,
      });
    },
  );

  it('reads a feature label as an implementation even when the title says fix', () => {
    expect(classifyPullRequest({ ...plain, labels: ['enhancement'], title: 'Fix up the export' })).toEqual({
      type: 'implementation',
      signal: 'label "enhancement"',
    });
  });

  it('does not mistake a label that merely contains "bug" for a bug label', () => {
    expect(classifyPullRequest({ ...plain, labels: ['debugging-tools'] }).signal).toBe('default');
  });

  it('reads a conventional-commit fix title as a bug fix', () => {
    expect(classifyPullRequest({ ...plain, title: 'fix(api): reject empty carts' })).toEqual({
      type: 'bugfix',
      signal: 'conventional-commit title "fix(api): reject empty carts"',
    });
  });

  it('lets a conventional-commit feat title decide implementation over a bug word', () => {
    expect(
      classifyPullRequest({
        ...plain,
        title: 'feat(auth)!: replace the broken login flow',
        headBranch: 'fix/login',
      }),
    ).toEqual({
      type: 'implementation',
      signal: 'conventional-commit title "feat(auth)!: replace the broken login flow"',
    });
  });

  it('shortens a long title in the signal', () => {
    const title = `fix: ${'very '.repeat(20)}long`;
    expect(classifyPullRequest({ ...plain, title }).signal).toMatch(/^conventional-commit title ".{59}…"$/);
  });

  it.each(['fix/null-cart', 'bugfix/JIRA-12', 'hotfix/payments', 'alice/fix-timeout'])(
    'reads the branch "%s" as a bug fix',
    (branch) => {
      expect(classifyPullRequest({ ...plain, headBranch: branch })).toEqual({
        type: 'bugfix',
        signal: `branch "${branch}"`,
      });
    },
  );

  it('does not read a branch that only contains "fix" later in its name as a bug fix', () => {
    expect(classifyPullRequest({ ...plain, headBranch: 'prefix-cleanup' }).signal).toBe('default');
  });

  it('reads a "fixes #12" closing keyword as a bug fix', () => {
    expect(classifyPullRequest({ ...plain, body: 'This change\n\nFixes #12' })).toEqual({
      type: 'bugfix',
      signal: 'closing keyword "Fixes #12"',
    });
  });

  it('treats "closes #12" as neutral, since a feature can close an issue too', () => {
    expect(classifyPullRequest({ ...plain, body: 'Closes #12 and resolves acme/api#3' })).toEqual({
      type: 'implementation',
      signal: 'default',
    });
  });

  it('ignores closing keywords left in a PR template comment', () => {
    expect(classifyPullRequest({ ...plain, body: '<!-- e.g. Fixes #123 -->\nAdds export' }).signal).toBe(
      'default',
    );
  });

  it.each([
    ['Crash when the cart is empty', 'crash'],
    ['Handle regression in totals', 'regression'],
    ['Orders endpoint fixed for guests', 'fixed'],
  ])('reads the title "%s" as a bug fix by the word "%s"', (title, word) => {
    expect(classifyPullRequest({ ...plain, title })).toEqual({
      type: 'bugfix',
      signal: `title word "${word}"`,
    });
  });

  it('does not read words that only contain a bug word ("prefix", "debug") as a bug fix', () => {
    expect(classifyPullRequest({ ...plain, title: 'Add a debug prefix to logs' })).toEqual({
      type: 'implementation',
      signal: 'default',
    });
  });

  it('falls back to implementation', () => {
    expect(classifyPullRequest(plain)).toEqual({ type: 'implementation', signal: 'default' });
  });
});
