import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/handoffs/finding.js';
import { fingerprintFinding } from '../../src/handoffs/fingerprint-finding.js';
import { renderInlineComment, renderReviewComment } from '../../src/handoffs/render-review-comment.js';

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    area: 'security',
    ruleId: 'security/sql-string-building',
    severity: 'high',
    file: 'src/db.ts',
    line: 12,
    title: 'SQL built from strings',
    explanation: 'SQL is concatenated with input.',
    recommendation: "Use `db.query('… $1', [id])`.",
    origin: 'rule',
    ...overrides,
  };
}

const meta = { reasons: ['`src/auth/session.ts` touches session handling'], headSha: '0123456789abcdef0123' };

describe('renderReviewComment', () => {
  it('starts with the area marker and explains why the review ran', () => {
    const body = renderReviewComment('security', [finding()], meta);
    expect(body.startsWith('<!-- backend-developer:review:security -->\n## Security audit')).toBe(true);
    expect(body).toContain('- `src/auth/session.ts` touches session handling');
    expect(body).toContain(
      '| 🔴 High | `security/sql-string-building` | `src/db.ts:12` | SQL built from strings |',
    );
    expect(body).toContain("**Fix:** Use `db.query('… $1', [id])`.");
    expect(body).toContain('0123456789ab');
  });

  it('lists findings that went away as resolved, and carries its state on the line under the marker', () => {
    const gone = {
      fingerprint: 'f00d',
      severity: 'high' as const,
      ruleId: 'security/jwt-without-verification',
      file: 'src/auth/login.js',
      line: 13,
      title: 'JWT decoded without verification',
      resolvedAt: 'beefcafe'.repeat(5),
    };
    const body = renderReviewComment('security', [], {
      ...meta,
      tracking: { resolved: [gone], state: { open: [], resolved: [gone] } },
    });
    const lines = body.split('\n');
    expect(lines[0]).toBe('<!-- backend-developer:review:security -->');
    expect(lines[1]).toMatch(/^<!-- backend-developer:findings [A-Za-z0-9+/=]+ -->$/);
    expect(body).toContain('No findings remain: the ones reported earlier are resolved.');
    expect(body).toContain(
      '### Resolved (1)\n\n- ~~JWT decoded without verification~~ — `src/auth/login.js:13` (`security/jwt-without-verification`), gone at beefcaf',
    );
  });

  it('says so when the rules found nothing', () => {
    const body = renderReviewComment('qa', [], { reasons: [], headSha: 'abc' });
    expect(body).toContain('## Test coverage review');
    expect(body).toContain('No findings from the deterministic rules.');
  });

  it('lists high findings first and escapes table pipes from the code', () => {
    const body = renderReviewComment(
      'security',
      [finding({ severity: 'low', title: 'a | b' }), finding({ line: 3 })],
      meta,
    );
    expect(body.indexOf('🔴 High')).toBeLessThan(body.indexOf('🟡 Low'));
    expect(body).toContain('a \\| b');
  });

  it('folds long fixes into details and marks removed-line findings', () => {
    const body = renderReviewComment(
      'qa',
      [finding({ area: 'qa', recommendation: 'x'.repeat(300), side: 'LEFT' })],
      meta,
    );
    expect(body).toContain('<details><summary>Why and how to fix</summary>');
    expect(body).toContain('`src/db.ts:12` (removed)');
  });

  it('stays under GitHub’s comment limit and counts what it left out', () => {
    const many = Array.from({ length: 2000 }, (_, index) =>
      finding({ line: index + 1, explanation: 'e'.repeat(150) }),
    );
    const body = renderReviewComment('security', many, meta);
    expect(body.length).toBeLessThan(65_536);
    expect(body).toMatch(/_\d+ more findings not shown/);
  });

  it('shows the model note', () => {
    expect(
      renderReviewComment('security', [], {
        ...meta,
        modelNote: 'The model review was skipped: no API key.',
      }),
    ).toContain('> The model review was skipped: no API key.');
  });
});

describe('renderInlineComment', () => {
  it('carries severity, title, explanation, fix, rule id and the fingerprint of the commented line', () => {
    const body = renderInlineComment(finding(), '  return db.query(sql);');
    expect(body).toContain('**🔴 High · SQL built from strings**');
    expect(body).toContain('SQL is concatenated with input.');
    expect(body).toContain("**Fix:** Use `db.query('… $1', [id])`.");
    expect(body).toContain('`security/sql-string-building`');
    expect(body).toContain(
      `<!-- backend-developer:finding:${fingerprintFinding(finding(), 'return db.query(sql);')} -->`,
    );
  });

  it('falls back to the finding’s own fingerprint and cannot be broken out of by its text', () => {
    const body = renderInlineComment(finding({ fingerprint: 'abc123', title: 'x --> y' }));
    expect(body).toContain('<!-- backend-developer:finding:abc123 -->');
    expect(body).not.toContain('x --> y');
  });
});
