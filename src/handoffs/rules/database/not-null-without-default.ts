import type { ReviewRule } from '../../review-engine/review-rule.js';
import { assumption, onLiveTable, onMysql, stepsOf, target } from './migration-operations.js';

export const notNullWithoutDefault: ReviewRule = {
  id: 'database/not-null-without-default',
  severity: 'high',
  title: 'NOT NULL column added to an existing table without a default',
  explanation:
    'Adding a NOT NULL column without a default fails on a table that has rows (or forces a rewrite under lock), so the deploy breaks in production but not on an empty dev database.',
  fix: {
    default:
      'Add the column as nullable (or with a DEFAULT), backfill existing rows in batches, then add the NOT NULL constraint in a later migration.',
    ruby: 'Use `add_column :t, :c, :type, default: …, null: false`, or add it nullable, backfill, then `change_column_null :t, :c, false`.',
    python:
      'Pass `server_default=…` (Alembic) or `default=…` (Django) to the column, or add it nullable, backfill, and make it required afterwards.',
    javascript:
      'Add `defaultValue` (Sequelize) / `.defaultTo(…)` (Knex), or add the column nullable, backfill, then alter it.',
    csharp:
      'Give `AddColumn` a `defaultValue:` (or `defaultValueSql:`), or add it nullable, backfill, then make it required.',
    elixir: 'Add `default: …` to `add`, or add it nullable, backfill, then `modify :c, :type, null: false`.',
    php: 'Chain `->default(…)` or `->nullable()` on the new column, backfill, then make it required with `->change()`.',
  },
  // MySQL and MariaDB fill a new NOT NULL column with the type's implicit default instead of failing.
  check(file, input) {
    return stepsOf(file, input, ['add-column'])
      .filter(
        ({ migration, operation }) =>
          operation.notNull && !operation.hasDefault && onLiveTable(operation) && !onMysql(migration),
      )
      .map(({ migration, operation }) => ({
        line: operation.line,
        title: `Adds \`${target(operation)}\` NOT NULL without a default to an existing table`,
        explanation: `Adding a NOT NULL column without a default fails on a table that has rows, so the deploy breaks in production but not on an empty dev database (${assumption(migration)}).`,
      }));
  },
};
