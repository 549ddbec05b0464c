import './load-all-grammars.js';
import { describe, expect, it } from 'vitest';
import { addedFile, loadChanges, reviewAnalysed } from './fixture-changes.js';
import { describeRuleFixtures } from './rule-fixture-cases.js';

describeRuleFixtures(
  'database',
  {},
  {
    exact: true,
    withoutCosmeticControls: {
      // It reports edits to a migration that already exists, never a migration the pull request adds, so
      // no line "would fire as new code". Its negative fixture holds a re-wrapped statement, a moved one
      // and reworded comments in applied migrations, which it must leave alone.
      'database/edited-applied-migration': 'reads edits of existing migrations only',
    },
  },
);

describe('database review', () => {
  it('accepts a destructive up migration whose down file exists in the repository', async () => {
    const up = addedFile('migrations/000013_drop_nickname.up.sql', 'ALTER TABLE users DROP COLUMN nickname;');
    const checkout = {
      'migrations/000013_drop_nickname.up.sql': 'ALTER TABLE users DROP COLUMN nickname;',
      'migrations/000013_drop_nickname.down.sql': 'ALTER TABLE users ADD COLUMN nickname TEXT;',
    };
    expect(await reviewAnalysed('database', [up], {}, checkout)).toEqual([]);
    expect((await reviewAnalysed('database', [up])).map((finding) => [finding.line, finding.ruleId])).toEqual(
      [[1, 'database/destructive-migration']],
    );
  });

  it('treats an empty downgrade as no way back', async () => {
    const findings = (
      await reviewAnalysed('database', loadChanges('database/destructive-migration/positive'))
    ).filter((finding) => finding.file.startsWith('alembic/'));
    expect(findings.map((finding) => [finding.line, finding.title])).toEqual([
      [2, 'Migration drops column `users.nickname` without a down step or backfill'],
    ]);
  });

  it('warns about SET NOT NULL without a backfill at medium severity', async () => {
    const findings = await reviewAnalysed('database', [
      addedFile('migrations/1_plan.sql', 'ALTER TABLE users ALTER COLUMN plan SET NOT NULL;'),
    ]);
    expect(findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([
      ['database/set-not-null', 'medium'],
    ]);
  });

  it('knows MySQL fills new NOT NULL columns with an implicit default', async () => {
    const changes = loadChanges('database/not-null-without-default/positive');
    const findings = await reviewAnalysed('database', changes, { databases: ['mysql'] });
    expect(findings.filter((finding) => finding.ruleId === 'database/not-null-without-default')).toEqual([]);
  });
});
