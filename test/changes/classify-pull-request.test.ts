import { describe, expect, it } from 'vitest';
import { classifyPullRequest, type PullRequestSignals } from '../../src/changes/classify-pull-request.js';

const plain: PullRequestSignals = {
  labels: [],
  title: 'Add order export',
  headBranch: 'order-export',
  body: '',
};

function kindOf(signals: Partial<PullRequestSignals>): string {
  return classifyPullRequest({ ...plain, ...signals }).kind;
}

describe('classifyPullRequest: overrides', () => {
  it('obeys an explicit override before anything the PR says', () => {
    const result = classifyPullRequest({
      ...plain,
      labels: ['bug'],
      override: 'implementation',
      overrideSource: 'command "/backend feature"',
    });
    expect(result).toEqual({
      type: 'implementation',
      kind: 'change',
      signal: 'command "/backend feature"; a change by label "bug"',
    });
  });

  it('keeps a feature heading when an implementation override meets no other signal', () => {
    expect(
      classifyPullRequest({
        ...plain,
        override: 'implementation',
        overrideSource: 'the `report-type` input',
      }),
    ).toEqual({
      type: 'implementation',
      kind: 'feature',
      signal: 'the `report-type` input',
    });
  });

  it('names the override itself when its source is not given', () => {
    expect(classifyPullRequest({ ...plain, override: 'bugfix' })).toEqual({
      type: 'bugfix',
      kind: 'fix',
      signal: 'override "bugfix"',
    });
  });
});

describe('classifyPullRequest: labels', () => {
  it.each(['bug', 'Bug', 'hotfix', 'regression', 'type: bug', 'kind/bug', '🐛 bug', 'Type: Bugfix'])(
    'reads the label "%s" as a bug fix',
    (label) => {
      expect(classifyPullRequest({ ...plain, labels: ['backend', label] })).toEqual({
        type: 'bugfix',
        kind: 'fix',
        signal: `label "${label}"`,
      });
    },
  );

  it('reads a feature label as an implementation even when the title says fix', () => {
    expect(classifyPullRequest({ ...plain, labels: ['enhancement'], title: 'Fix up the export' })).toEqual({
      type: 'implementation',
      kind: 'feature',
      signal: 'label "enhancement"',
    });
  });

  it.each(['dependencies', 'refactor', 'type: chore', 'documentation', 'tech debt'])(
    'reads the label "%s" as a change',
    (label) => {
      expect(classifyPullRequest({ ...plain, labels: [label] })).toEqual({
        type: 'implementation',
        kind: 'change',
        signal: `label "${label}"`,
      });
    },
  );

  it('prefers a bug label to the dependencies label a bot added', () => {
    expect(kindOf({ labels: ['dependencies', 'bug'] })).toBe('fix');
  });

  it('does not mistake a label that merely contains "bug" for a bug label', () => {
    expect(classifyPullRequest({ ...plain, labels: ['debugging-tools'] }).signal).toBe('default');
  });
});

describe('classifyPullRequest: gitmoji', () => {
  it.each([
    ['🐛 Add background to the sticky layout header', '🐛'],
    ['🚑️ Restore logins', '🚑'],
    ['🔒️ Ensure authentication takes constant time, to avoid enumeration attacks', '🔒'],
    ['🔒 Replace pre-commit PAT with PR Push', '🔒'],
    ['✏️ Typo in the welcome email', '✏'],
    ['✏ Typo in the welcome email', '✏'],
    [':bug: Handle empty carts', ':bug:'],
    [':lock: Escape the search term', ':lock:'],
  ])('reads "%s" as a bug fix by its gitmoji', (title, written) => {
    expect(classifyPullRequest({ ...plain, title })).toEqual({
      type: 'bugfix',
      kind: 'fix',
      signal: `gitmoji "${written}" in the title`,
    });
  });

  it.each(['✨ Add order export', ':sparkles: Add order export'])('reads "%s" as a feature', (title) => {
    expect(kindOf({ title, headBranch: 'fix/x' })).toBe('feature');
  });

  it.each([
    '♻️ Refactor the totals',
    '♻ Refactor the totals',
    '🎨 Format the models',
    '🔧 Update `node-version` to `22`',
    '⬆️ Bump turbo from 2.9.14 to 2.9.18',
    '⬆ Bump the python-packages group with 7 updates',
    ':arrow_up::lock: Bump dot-prop from 4.2.0 to 4.2.1',
    ':recycle: Fix the structure of the totals module',
  ])('reads "%s" as a change, never a feature', (title) => {
    expect(kindOf({ title })).toBe('change');
  });

  it('lets the other signals decide after a gitmoji that says nothing about fix or feature', () => {
    expect(classifyPullRequest({ ...plain, title: '💄 Fix the header colour' })).toMatchObject({
      kind: 'fix',
      signal: 'title word "fix"',
    });
    expect(kindOf({ title: '💄 Restyle the header' })).toBe('feature');
  });

  it('reads a gitmoji only where the title starts, not in the middle', () => {
    expect(kindOf({ title: 'Add the 🐛 emoji to the picker' })).toBe('feature');
  });
});

describe('classifyPullRequest: conventional commits', () => {
  it('reads a conventional-commit fix title as a bug fix', () => {
    expect(classifyPullRequest({ ...plain, title: 'fix(api): reject empty carts' })).toEqual({
      type: 'bugfix',
      kind: 'fix',
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
      kind: 'feature',
      signal: 'conventional-commit title "feat(auth)!: replace the broken login flow"',
    });
  });

  it.each([
    'chore: move to nx',
    'refactor!: split the order service',
    'docs: explain refunds',
    'perf: cache totals',
    'ci: pin actions',
    'test: cover refunds',
    'build(deps): bump lodash',
    'revert: feat: refunds',
  ])('reads "%s" as a change', (title) => {
    expect(classifyPullRequest({ ...plain, title })).toMatchObject({
      type: 'implementation',
      kind: 'change',
    });
  });

  it.each([
    'feat: 优化数据库查询条件，使用clause.Like增强可读性',
    'feat(orders): refactor the totals',
    'feat: optimize the search query',
    'feat: rewrite the filters with GORM clauses for readability',
  ])('reads "%s" as a change: its subject says refactor, not feature', (title) => {
    expect(kindOf({ title })).toBe('change');
  });

  it.each([
    'feat: 添加用户类型支持，更新相关接口',
    'feat: add an index page for the docs',
    'feat(auth): replace the login flow',
  ])('keeps "%s" a feature', (title) => {
    expect(kindOf({ title })).toBe('feature');
  });

  it('reads fix(deps) as the dependency update it is, not a bug fix', () => {
    expect(kindOf({ title: 'fix(deps): update expo monorepo' })).toBe('change');
    expect(kindOf({ title: 'fix(deps): update dependency next to v14.2.21 [security]' })).toBe('change');
  });

  it('ignores a prefix that is no commit type and reads the words after it', () => {
    expect(kindOf({ title: 'api: fix crash on empty cart' })).toBe('fix');
    expect(kindOf({ title: 'server: prevent attributes with conflicting types' })).toBe('fix');
    expect(kindOf({ title: 'graphql: split query.rs into modules' })).toBe('change');
    expect(kindOf({ title: 'constructor: add a builder' })).toBe('feature');
  });

  it('shortens a long title in the signal', () => {
    const title = `fix: ${'very '.repeat(20)}long`;
    expect(classifyPullRequest({ ...plain, title }).signal).toMatch(/^conventional-commit title ".{59}…"$/);
  });
});

describe('classifyPullRequest: dependency updates', () => {
  it.each(['dependabot[bot]', 'renovate[bot]', 'dependabot', 'Renovate-Bot'])(
    'reads a PR by %s as a change',
    (author) => {
      expect(classifyPullRequest({ ...plain, title: 'fix: something', author })).toMatchObject({
        kind: 'change',
        signal: `dependency-update author "${author}"`,
      });
    },
  );

  it.each([
    'Bump lodash from 4.17.20 to 4.17.21',
    'Bump the npm group across 1 directory with 2 updates',
    'bump react',
    'Update dependencies',
    'Update Dependencies',
    'Upgrade all npm dependencies',
    'Update dependency eslint to v9',
    'Update actions/checkout action to v4',
    'Update module github.com/stretchr/testify to v1.9.0',
    'Update pytest requirement from <8 to <9',
    'Upgrade to Rails 7.1',
    'Update to Aspire 13',
    'Upgrading eshop to .NET 10 and Aspire 9.4.2',
    'Lock file maintenance',
    '[Snyk] Security upgrade express from 4.17.1 to 4.19.2',
  ])('reads the title "%s" as a dependency update', (title) => {
    expect(classifyPullRequest({ ...plain, title })).toMatchObject({
      type: 'implementation',
      kind: 'change',
    });
  });

  it.each([
    'Update user limit to 100',
    'Update the order status to shipped on dispatch',
    'Add dependency graph view',
  ])('does not read "%s" as a dependency update', (title) => {
    expect(classifyPullRequest({ ...plain, title }).signal).not.toMatch(/dependency-update/);
  });

  it("reads a translation bot's PR as a change", () => {
    expect(
      classifyPullRequest({ ...plain, title: '[skip ci] Weblate Changes', author: 'Weblate (bot)' }),
    ).toMatchObject({
      kind: 'change',
      signal: 'translation-update author "Weblate (bot)"',
    });
  });

  it('does not take a human author whose name contains "bot" for a dependency bot', () => {
    expect(kindOf({ author: 'abbott', title: 'Add order export' })).toBe('feature');
  });
});

describe('classifyPullRequest: security wording', () => {
  it.each([
    ['Prevent XSS in the order preview', 'XSS'],
    ['Ensure authentication takes constant time, to avoid enumeration attacks', 'constant time'],
    ['Patch CVE-2024-12345 in uploads', 'CVE-2024-12345'],
    ['Reject path traversal in file downloads', 'path traversal'],
    ['Validate redirects to stop open redirect', 'open redirect'],
    ['Additional Improvements to MCP Server Config security', 'Improvements to MCP Server Config security'],
  ])('reads "%s" as a security fix', (title, words) => {
    expect(classifyPullRequest({ ...plain, title })).toEqual({
      type: 'bugfix',
      kind: 'fix',
      signal: `security wording "${words}" in the title`,
    });
  });

  it.each([
    'Add security notification emails for account events',
    'Add resolver dependency injection for tools',
    'Clarify the security policy',
  ])('does not read "%s" as a security fix', (title) => {
    expect(classifyPullRequest({ ...plain, title }).signal).not.toMatch(/security wording/);
  });
});

describe('classifyPullRequest: title words', () => {
  it.each([
    ['Crash when the cart is empty', 'crash'],
    ['Handle regression in totals', 'regression'],
    ['Orders endpoint fixed for guests', 'fixed'],
    ['Workaround: Temporarily patch OAuth2 secure_compare', 'workaround'],
  ])('reads the title "%s" as a bug fix by the word "%s"', (title, word) => {
    expect(classifyPullRequest({ ...plain, title })).toEqual({
      type: 'bugfix',
      kind: 'fix',
      signal: `title word "${word}"`,
    });
  });

  it.each([
    'Fix lint',
    'Fix flaky test in CI',
    'Fix the build on Windows',
    'Fix lint errors',
    'Fix failing tests',
    'Fix ruff warning',
    'Fix pylint warning in the importer',
  ])('reads "%s" as a change to tooling, not a bug fix', (title) => {
    expect(classifyPullRequest({ ...plain, title }).signal).toMatch(/^tooling fix/);
    expect(kindOf({ title })).toBe('change');
  });

  it.each([
    'Fix docs navigation layout on tablet view',
    'Fix test helper crash when the database is down',
    'Fix typo in the invoice email',
  ])('reads "%s" as a bug fix: the tool word is not what was fixed', (title) => {
    expect(kindOf({ title })).toBe('fix');
  });

  it.each([
    'Prevent duplicate order emails',
    "Don't drop the session on refresh",
    'Restore the export button',
    'Add back already run migrations',
    'Handle missing avatars',
    'Make version index cleanup idempotent',
    'Preserve handles on profile import',
    'Add missing validations for settings import',
  ])('reads the opening of "%s" as a bug fix', (title) => {
    expect(kindOf({ title })).toBe('fix');
  });

  it.each([
    'Refactor the totals',
    'Auth refactor',
    'Rename OrderService to Orders',
    'Remove unused helpers',
    'Add tests for refunds',
    'Update README',
    'Replace Mailcatcher with Mailpit',
    'Revert "Add refunds"',
    'Cache compiled validators',
    'Split query.rs and mutation.rs into modules',
    'Externalise the genai-service configuration',
    'Add indexes to core models',
    'Mark 3.8.7 (#3098)',
    'Bump version to 2.4.0',
    'v1.12.0',
    'Add missing database indexes on foreign keys',
    '重构注册类型枚举',
  ])('reads "%s" as a change', (title) => {
    expect(kindOf({ title })).toBe('change');
  });

  it('does not read words that only contain a bug word ("prefix", "debug") as a bug fix', () => {
    expect(classifyPullRequest({ ...plain, title: 'Add a debug prefix to logs' })).toEqual({
      type: 'implementation',
      kind: 'feature',
      signal: 'default',
    });
  });

  it('does not read a change word used as an object ("cleanup job") as a change', () => {
    expect(kindOf({ title: 'Schedule the cleanup job nightly' })).toBe('feature');
    expect(kindOf({ title: 'Add index page to the admin' })).toBe('feature');
    expect(kindOf({ title: 'Add search indexing for recipes' })).toBe('feature');
  });
});

describe('classifyPullRequest: template boxes, branches, files and the description', () => {
  it('reads the one ticked type of change of a PR template', () => {
    const body =
      '## Type\n- [ ] New feature\n- [x] Bug fix (non-breaking change which fixes an issue)\n- [ ] Refactor';
    expect(classifyPullRequest({ ...plain, body })).toEqual({
      type: 'bugfix',
      kind: 'fix',
      signal: 'ticked box "Bug fix (non-breaking change which fixes an issue)" in the description',
    });
  });

  it('ignores boxes when several kinds are ticked, or when the ticks are in a template comment', () => {
    expect(kindOf({ body: '- [x] Bug fix\n- [x] New feature' })).toBe('feature');
    expect(kindOf({ body: '<!--\n- [x] Bug fix\n-->' })).toBe('feature');
  });

  it.each(['fix/null-cart', 'bugfix/JIRA-12', 'hotfix/payments', 'alice/fix-timeout'])(
    'reads the branch "%s" as a bug fix',
    (branch) => {
      expect(classifyPullRequest({ ...plain, headBranch: branch })).toEqual({
        type: 'bugfix',
        kind: 'fix',
        signal: `branch "${branch}"`,
      });
    },
  );

  it.each(['chore/update-ci', 'dependabot/npm_and_yarn/lodash-4.17.21', 'renovate/eslint-9.x'])(
    'reads the branch "%s" as a change',
    (branch) => {
      expect(kindOf({ headBranch: branch })).toBe('change');
    },
  );

  it('does not read a branch that only contains "fix" later in its name as a bug fix', () => {
    expect(classifyPullRequest({ ...plain, headBranch: 'prefix-cleanup' }).signal).toBe('default');
  });

  it.each([
    [['README.md', 'docs/setup.md'], 'changed files (only documentation)'],
    [['test/orders.test.ts'], 'changed files (only tests)'],
    [['package.json', 'package-lock.json'], 'changed files (only dependency manifests and lockfiles)'],
    [['.github/workflows/ci.yml'], 'changed files (only CI and repository tooling)'],
    [['netbox/translations/en/LC_MESSAGES/django.po'], 'changed files (only translations)'],
    [['src/locales/de/common.json', 'src/locales/fr/common.json'], 'changed files (only translations)'],
    [['README.md', 'test/orders.test.ts'], 'changed files (no source, migration or configuration file)'],
  ])('reads a PR that changes %j as a change', (paths, signal) => {
    expect(classifyPullRequest({ ...plain, title: 'Orders', paths })).toEqual({
      type: 'implementation',
      kind: 'change',
      signal,
    });
  });

  it('does not read files as a change when one of them is source, a migration or configuration', () => {
    for (const paths of [
      ['README.md', 'src/orders.ts'],
      ['db/migrate/20240101_add_total.rb'],
      ['config/app.yml'],
      ['src/locales/de/common.json', 'src/orders.ts'],
      ['lang/en/messages.php'],
    ]) {
      expect(kindOf({ title: 'Orders', paths })).toBe('feature');
    }
  });

  it('reads a "fixes #12" closing keyword as a bug fix', () => {
    expect(classifyPullRequest({ ...plain, body: 'This change\n\nFixes #12' })).toEqual({
      type: 'bugfix',
      kind: 'fix',
      signal: 'closing keyword "Fixes #12"',
    });
  });

  it('treats "closes #12" as neutral, since a feature can close an issue too', () => {
    expect(classifyPullRequest({ ...plain, body: 'Closes #12 and resolves acme/api#3' }).signal).toBe(
      'default',
    );
  });

  it('ignores closing keywords left in a PR template comment', () => {
    expect(classifyPullRequest({ ...plain, body: '<!-- e.g. Fixes #123 -->\nAdds export' }).signal).toBe(
      'default',
    );
  });

  it.each([
    ['Every scan job raised ArgumentError before scanning anything.', 'raised ArgumentError'],
    ['HEXPM_SECRET is already mounted, so the config placement is the whole fix.', 'the whole fix'],
    ['The problem was that the cache key ignored the locale.', 'The problem was that'],
  ])('reads a description that speaks of a defect (%s) as a bug fix', (body, words) => {
    expect(classifyPullRequest({ ...plain, title: 'Set the app secret on worker pods', body })).toEqual({
      type: 'bugfix',
      kind: 'fix',
      signal: `description words "${words}"`,
    });
  });

  it('does not read a guard against a crash, or a defect named in code, as a bug fix', () => {
    expect(kindOf({ body: 'Logs a missing file at info level (no crash).' })).toBe('feature');
    expect(kindOf({ body: 'Adds a retry.\n\n```\nraise ValueError\n```' })).toBe('feature');
  });

  it('falls back to a feature', () => {
    expect(classifyPullRequest(plain)).toEqual({
      type: 'implementation',
      kind: 'feature',
      signal: 'default',
    });
  });
});
