import type { ReviewRule } from '../../review-engine/review-rule.js';
import { assumption, onLiveTable, onPostgres, stepsOf } from './migration-operations.js';

export const uniqueConstraintWithoutIndex: ReviewRule = {
  id: 'database/unique-constraint-without-index',
  severity: 'medium',
  title: 'Unique constraint added to an existing table without a prior index',
  explanation:
    'On PostgreSQL, adding a UNIQUE constraint builds its index while blocking reads and writes to the table.',
  fix: {
    default:
      'Build the index first with `CREATE UNIQUE INDEX CONCURRENTLY`, then `ADD CONSTRAINT … UNIQUE USING INDEX` it (instant).',
    ruby: 'Use `add_index …, unique: true, algorithm: :concurrently` with `disable_ddl_transaction!` instead of a unique constraint.',
    python:
      'Django: `AddIndexConcurrently` of a unique index, or `RunSQL` with `CREATE UNIQUE INDEX CONCURRENTLY` then `ADD CONSTRAINT … USING INDEX`.',
  },
  check(file, input) {
    return stepsOf(file, input, ['add-unique'])
      .filter(
        ({ migration, operation }) =>
          onPostgres(migration) && !operation.usingIndex && onLiveTable(operation),
      )
      .map(({ migration, operation }) => ({
        line: operation.line,
        title: `Adds a unique constraint on \`${operation.table ?? '?'}\` (${(operation.columns ?? []).join(', ')}) without a prior index`,
        explanation: `Adding a UNIQUE constraint builds its index while blocking reads and writes to \`${operation.table ?? '?'}\` (${assumption(migration)}).`,
      }));
  },
};
