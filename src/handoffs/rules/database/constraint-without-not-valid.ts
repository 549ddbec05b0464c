import type { ReviewRule } from '../../review-engine/review-rule.js';
import { assumption, onLiveTable, onPostgres, stepsOf } from './migration-operations.js';

export const constraintWithoutNotValid: ReviewRule = {
  id: 'database/constraint-without-not-valid',
  severity: 'medium',
  title: 'Constraint added to an existing table without NOT VALID',
  explanation:
    'On PostgreSQL, adding a foreign key or check constraint checks every row while holding a lock that blocks writes (a foreign key locks the referenced table too).',
  fix: {
    default:
      'Add the constraint `NOT VALID` (only new rows are checked), then `VALIDATE CONSTRAINT` in a later migration, which does not block writes.',
    ruby: 'Use `add_foreign_key …, validate: false` (or `add_check_constraint …, validate: false`), then `validate_foreign_key` in a separate migration.',
    python:
      'Alembic: `op.create_foreign_key(…, postgresql_not_valid=True)` then `op.execute("ALTER TABLE … VALIDATE CONSTRAINT …")` later; Django: add the constraint with `RunSQL` in two steps.',
    elixir:
      'Use `references(…, validate: false)` or `create constraint(…, validate: false)`, then `execute "ALTER TABLE … VALIDATE CONSTRAINT …"` in a later migration.',
  },
  check(file, input) {
    return stepsOf(file, input, ['add-foreign-key', 'add-check'])
      .filter(
        ({ migration, operation }) => onPostgres(migration) && !operation.notValid && onLiveTable(operation),
      )
      .map(({ migration, operation }) => {
        const what = operation.kind === 'add-foreign-key' ? 'foreign key' : 'check constraint';
        const columns = operation.columns?.length ? ` (${operation.columns.join(', ')})` : '';
        return {
          line: operation.line,
          title: `Adds a ${what} on \`${operation.table ?? '?'}\`${columns} without NOT VALID`,
          explanation: `Adding a ${what} checks every row of \`${operation.table ?? '?'}\` while blocking writes (${assumption(migration)}).`,
        };
      });
  },
};
