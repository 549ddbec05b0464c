import './load-all-grammars.js';
import { describe, expect, it } from 'vitest';
import { reviewChanges } from '../../src/handoffs/review-changes.js';
import { addedFile, loadChanges } from './fixture-changes.js';
import { describeRuleFixtures } from './rule-fixture-cases.js';

describeRuleFixtures('database');

describe('database review', () => {
  it('accepts a destructive up migration whose down file exists in the repository', () => {
    const up = addedFile('migrations/000013_drop_nickname.up.sql', 'ALTER TABLE users DROP COLUMN nickname;');
    const readFile = (path: string): string | undefined =>
      path === 'migrations/000013_drop_nickname.down.sql'
        ? 'ALTER TABLE users ADD COLUMN nickname TEXT;'
        : undefined;
    expect(reviewChanges('database', [up], { readFile })).toEqual([]);
    expect(reviewChanges('database', [up])).toHaveLength(1);
  });

  it('treats an empty downgrade as no way back', () => {
    const findings = reviewChanges('database', loadChanges('database/destructive-migration/positive')).filter(
      (finding) => finding.file.startsWith('alembic/'),
    );
    expect(findings.map((finding) => [finding.line, finding.title])).toEqual([
      [2, 'Migration drops a column without a down step or backfill'],
    ]);
  });

  it('warns about SET NOT NULL without a backfill at medium severity', () => {
    const findings = reviewChanges('database', [
      addedFile('migrations/1_plan.sql', 'ALTER TABLE users ALTER COLUMN plan SET NOT NULL;'),
    ]);
    expect(findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([
      ['database/not-null-without-default', 'medium'],
    ]);
  });

  it('knows MySQL fills new NOT NULL columns with an implicit default', () => {
    const changes = loadChanges('database/not-null-without-default/positive');
    expect(reviewChanges('database', changes, { databases: ['mysql'] })).toEqual([]);
  });
});
