import type { ReviewRule } from '../../review-engine/review-rule.js';
import { assumption, onLiveTable, stepsOf, target } from './migration-operations.js';

export const renameColumn: ReviewRule = {
  id: 'database/rename-column',
  severity: 'medium',
  title: 'Column renamed in place',
  explanation:
    'Instances still running the previous release query the old column name between the migration and the end of the deploy, and fail.',
  fix: {
    default:
      'Add the new column, write to both and backfill, switch reads to the new one, and drop the old column in a later release (or keep the old name in the code through a mapping).',
    ruby: 'Add the new column, backfill, switch the model (`alias_attribute` helps), then remove the old column with `ignored_columns` set for one release first.',
    python:
      'Keep the column name with `db_column="old_name"` on the renamed field, or add a new field, backfill it, and remove the old one later.',
  },
  check(file, input) {
    return stepsOf(file, input, ['rename-column'])
      .filter(({ operation }) => onLiveTable(operation))
      .map(({ migration, operation }) => ({
        line: operation.line,
        title: `Renames column \`${target(operation)}\` to \`${operation.to ?? '?'}\``,
        explanation: `Instances still running the previous release use the old name until the deploy ends, and fail (${assumption(migration)}).`,
      }));
  },
};
