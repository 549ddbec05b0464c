import type { ReviewRule } from '../../review-engine/review-rule.js';
import { assumption, onLiveTable, stepsOf } from './migration-operations.js';

export const renameTable: ReviewRule = {
  id: 'database/rename-table',
  severity: 'medium',
  title: 'Table renamed in place',
  explanation:
    'Instances still running the previous release query the old table name between the migration and the end of the deploy, and fail.',
  fix: {
    default:
      'Create the new table (or a view with the new name over the old one), move reads and writes to it over a release, and drop the old name later.',
    ruby: 'Keep `self.table_name = "old_name"` in the model for one release, or create a view, then rename once no code uses the old name.',
    python:
      'Keep the table name with `db_table = "old_name"` in the model\'s Meta, or rename in a later release once no code uses it.',
  },
  check(file, input) {
    return stepsOf(file, input, ['rename-table'])
      .filter(({ operation }) => onLiveTable(operation))
      .map(({ migration, operation }) => ({
        line: operation.line,
        title: `Renames table \`${operation.table ?? '?'}\` to \`${operation.to ?? '?'}\``,
        explanation: `Instances still running the previous release use the old name until the deploy ends, and fail (${assumption(migration)}).`,
      }));
  },
};
