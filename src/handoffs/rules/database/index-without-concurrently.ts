import type { ReviewRule } from '../../review-engine/review-rule.js';
import { assumption, onLiveTable, onPostgres, stepsOf } from './migration-operations.js';

export const indexWithoutConcurrently: ReviewRule = {
  id: 'database/index-without-concurrently',
  severity: 'medium',
  title: 'Index built on an existing table without CONCURRENTLY',
  explanation:
    'On PostgreSQL, CREATE INDEX blocks every write to the table until the index is built: minutes on a large table.',
  fix: {
    default: 'Use `CREATE INDEX CONCURRENTLY` in a migration that does not run inside a transaction.',
    ruby: 'Use `add_index …, algorithm: :concurrently` with `disable_ddl_transaction!` in the migration.',
    python:
      'Django: `AddIndexConcurrently` in a migration with `atomic = False`; Alembic: `op.create_index(…, postgresql_concurrently=True)` inside `with op.get_context().autocommit_block():`.',
    elixir:
      'Use `create index(…, concurrently: true)` with `@disable_ddl_transaction true` and `@disable_migration_lock true`.',
    javascript:
      'Sequelize: `addIndex(…, { concurrently: true })`; Knex: `knex.raw("CREATE INDEX CONCURRENTLY …")` with `exports.config = { transaction: false }`.',
    php: 'Run `DB::statement("CREATE INDEX CONCURRENTLY …")` in a migration with `public $withinTransaction = false;`.',
    csharp:
      'Call `.Annotation("Npgsql:CreatedConcurrently", true)` on the `CreateIndex` and turn off the migration\'s transaction (`migrationBuilder.Sql` with `suppressTransaction: true`).',
  },
  check(file, input) {
    return stepsOf(file, input, ['create-index'])
      .filter(
        ({ migration, operation }) =>
          onPostgres(migration) && !operation.concurrently && onLiveTable(operation),
      )
      .map(({ migration, operation }) => ({
        line: operation.line,
        title: `Builds an index on \`${operation.table ?? '?'}\` (${(operation.columns ?? []).join(', ')}) without CONCURRENTLY`,
        explanation: `CREATE INDEX blocks every write to \`${operation.table ?? '?'}\` until the index is built (${assumption(migration)}).`,
      }));
  },
};
