import type { ReviewRule } from '../../review-engine/review-rule.js';
import { assumption, onMysql, stepsOf } from '../database/migration-operations.js';

export const foreignKeyWithoutIndex: ReviewRule = {
  id: 'performance/foreign-key-without-index',
  severity: 'medium',
  title: 'Foreign key without an index',
  explanation:
    'No index leads with the foreign-key column once every migration of the pull request is applied: joins and lookups by it scan the table, and deletes on the parent table lock and scan it (PostgreSQL and SQLite do not index foreign keys for you).',
  fix: {
    default:
      'Add an index on the column, e.g. `CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);`.',
    ruby: 'Use `add_reference`/`t.references` with the default index, or `add_index :orders, :user_id`.',
    python:
      'Add `op.create_index("ix_orders_user_id", "orders", ["user_id"])` (Alembic) or `index=True` on the column.',
    javascript: "Chain `.index()` on the column or add `table.index(['user_id'])` (Knex).",
    php: "Add `$table->index('user_id')` next to the foreign key.",
    elixir: 'Add `create index(:orders, [:user_id])` to the migration.',
  },
  // MySQL and MariaDB (InnoDB) create an index for every foreign key themselves.
  check(file, input) {
    return stepsOf(file, input, ['add-foreign-key'])
      .filter(
        ({ migration, operation }) =>
          operation.indexed === false && operation.droppedLater !== true && !onMysql(migration),
      )
      .map(({ migration, operation }) => {
        const columns = (operation.columns ?? []).join('`, `');
        return {
          line: operation.line,
          title: `Foreign key \`${columns}\` without an index`,
          explanation: `No index on \`${operation.table ?? '?'}\` leads with \`${columns}\` once every migration of the pull request and the existing ones are applied: lookups and parent deletes scan the table (${assumption(migration)}).`,
        };
      });
  },
};
