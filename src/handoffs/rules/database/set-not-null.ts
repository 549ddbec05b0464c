import type { Migration, PlacedOperation } from '../../../changes/change-analysis.js';
import type { ReviewRule } from '../../review-engine/review-rule.js';
import { tableKey } from '../../../changes/migration-operation.js';
import { assumption, onLiveTable, onPostgres, stepsOf, target } from './migration-operations.js';

/** A step of the same migration before this one writes the table's rows (or runs code that may). */
function backfilledBefore(migration: Migration, operation: PlacedOperation): boolean {
  return migration.operations.some(
    (other) =>
      other.line <= operation.line &&
      (other.kind === 'copy-data' || other.kind === 'update-all-rows') &&
      (other.table === undefined || tableKey(other.table) === tableKey(operation.table)),
  );
}

export const setNotNull: ReviewRule = {
  id: 'database/set-not-null',
  severity: 'medium',
  title: 'NOT NULL set on an existing column',
  explanation:
    'Setting NOT NULL fails if any row holds NULL, and checks every row while the table is locked against writes.',
  fix: {
    default:
      'Backfill the NULLs first; on PostgreSQL add `CHECK (col IS NOT NULL) NOT VALID`, `VALIDATE CONSTRAINT` it in a later migration, then `SET NOT NULL` (which then skips the scan) and drop the check.',
    ruby: 'Backfill first, or pass the fill value: `change_column_null :t, :c, false, "value"`; on PostgreSQL add a `NOT VALID` check constraint and validate it before.',
    python:
      'Backfill with a `RunPython`/`op.execute("UPDATE …")` step first, then alter the column to NOT NULL.',
    csharp:
      'Give the `AlterColumn` a `defaultValue:` and backfill with `migrationBuilder.Sql("UPDATE …")` first.',
  },
  check(file, input) {
    return stepsOf(file, input, ['set-not-null'])
      .filter(
        ({ migration, operation }) =>
          onLiveTable(operation) && !operation.backfilled && !backfilledBefore(migration, operation),
      )
      .map(({ migration, operation }) => ({
        line: operation.line,
        title: `Sets \`${target(operation)}\` NOT NULL with no backfill before it`,
        explanation: `Setting NOT NULL fails if any row holds NULL${onPostgres(migration) ? ', and PostgreSQL scans the whole table under an ACCESS EXCLUSIVE lock to check' : ''} (${assumption(migration)}).`,
      }));
  },
};
