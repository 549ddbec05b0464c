import { describe, expect, it } from 'vitest';
import { analyzeChanges } from '../../src/changes/analyze-changes.js';
import type { Migration } from '../../src/changes/change-analysis.js';
import { headCheckout, loadDiff, loadExpected, projectFrom, type ExpectedResult } from './diff-fixture.js';

// Each fixture is a `git diff` adding or editing migrations; `.head/` is the head checkout.
const CASES: { name: string; tools: string }[] = [
  {
    name: 'sql',
    tools: 'SQL (Prisma migrations, Flyway, golang-migrate, goose), with an edit to an applied migration',
  },
  {
    name: 'dsl',
    tools:
      'DSL (Alembic, Django, Rails, Laravel, Knex, TypeORM, Sequelize, EF Core, Ecto, schema.prisma, Liquibase, Diesel, sqlx)',
  },
  { name: 'liquibase-append', tools: 'a changeSet appended to a Liquibase master changelog' },
];

/** What the report lists of a migration (its operations are tested on their own, per tool, in test/changes/migrations/). */
function listed(migrations: Migration[]): Partial<Migration>[] {
  return migrations.map(
    ({ operations: _o, removedOperations: _r, reversible: _v, dialect: _d, unreadable: _u, ...rest }) => rest,
  );
}

describe.each(CASES)('migrations: $tools', ({ name }) => {
  const expected = loadExpected<ExpectedResult<Migration[]>>('migrations', name);
  const files = loadDiff('migrations', name);
  const projects = expected.projects.map(projectFrom);

  it('lists tables created, altered and dropped, and flags destructive operations, from the diff alone', async () => {
    expect(listed((await analyzeChanges({ files, projects })).migrations)).toEqual(expected.diffOnly);
  });

  it.runIf(expected.withCheckout !== undefined)('reads the same with the head checkout', async () => {
    expect(
      listed(
        (await analyzeChanges({ files, projects, readFile: headCheckout('migrations', name) })).migrations,
      ),
    ).toEqual(expected.withCheckout);
  });
});
