import type { ReviewRule } from '../../review-engine/review-rule.js';
import { assumption, migrationOf, onLiveTable, target } from './migration-operations.js';

const DESTROYS: Readonly<Record<string, { what: string; severity: 'high' }>> = {
  'drop-table': { what: 'drops table', severity: 'high' },
  'drop-column': { what: 'drops column', severity: 'high' },
  truncate: { what: 'deletes every row of', severity: 'high' },
  'delete-all-rows': { what: 'deletes every row of', severity: 'high' },
};

export const destructiveMigration: ReviewRule = {
  id: 'database/destructive-migration',
  severity: 'high',
  title: 'Destructive migration without a way back',
  explanation:
    'The migration destroys data and has neither a down step nor a backfill: a bad deploy cannot be rolled back without a restore.',
  fix: {
    default:
      'Expand and contract: stop using the column in one release, copy the data where it is still needed (backfill), and drop it in a later migration that has a down step; take a backup first.',
    ruby: 'Write `up`/`down` (or a reversible `remove_column :t, :c, :type`), and backfill with `update_all`/`in_batches` before dropping.',
    python:
      'Add a `RunPython(forwards, backwards)` step that copies the data (Django), or an Alembic `downgrade()` that restores the column.',
    javascript:
      'Implement `down` to recreate what `up` drops, and copy the data first (`UPDATE … SET …`) when it is still needed.',
    php: 'Implement `down()` to recreate the table or column, and copy the data before dropping it.',
    csharp:
      'Keep the generated `Down` method, and add a `migrationBuilder.Sql("UPDATE …")` data copy before the drop.',
    elixir:
      'Use `up`/`down` (or a reversible `remove :col, :type`), and copy the data first with `execute "UPDATE …"`.',
  },
  check(file, input) {
    const migration = migrationOf(file, input);
    if (!migration || migration.reversible) return [];
    if (migration.operations.some((operation) => operation.kind === 'copy-data')) return [];
    return migration.operations
      .filter((operation) => DESTROYS[operation.kind] && !operation.reversible && onLiveTable(operation))
      .map((operation) => ({
        line: operation.line,
        severity: DESTROYS[operation.kind]?.severity ?? 'high',
        title: `Migration ${DESTROYS[operation.kind]?.what ?? 'drops'} \`${target(operation)}\` without a down step or backfill`,
        explanation: `The data is gone once this runs, and nothing in the migration restores or copies it (${assumption(migration)}).`,
      }));
  },
};
