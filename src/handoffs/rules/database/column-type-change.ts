import type { PlacedOperation } from '../../../changes/change-analysis.js';
import type { ReviewRule } from '../../review-engine/review-rule.js';
import { assumption, onLiveTable, onPostgres, stepsOf, target } from './migration-operations.js';

const VARCHAR = /^(?:character varying|varchar|nvarchar)\s*\(\s*(\d+|max)\s*\)$/i;

/** PostgreSQL changes these without a rewrite: a varchar made longer or unbounded, a varchar made text. */
function widensText(operation: PlacedOperation): boolean {
  const from = VARCHAR.exec(operation.previousType?.trim() ?? '');
  if (!from) return false;
  const to = operation.type?.trim() ?? '';
  if (/^(text|varchar|character varying)$/i.test(to)) return true;
  const length = VARCHAR.exec(to)?.[1];
  return length !== undefined && length !== 'max' && from[1] !== 'max' && Number(length) >= Number(from[1]);
}

export const columnTypeChange: ReviewRule = {
  id: 'database/column-type-change',
  severity: 'medium',
  title: 'Column type changed on an existing table',
  explanation:
    'Changing a column type rewrites the table (and its indexes) under an exclusive lock, and code still running the old version may not read or write the new type.',
  fix: {
    default:
      'Add a new column of the new type, write to both, backfill in batches, switch reads, then drop the old column in a later release.',
    ruby: 'Add a new column, backfill it with `in_batches`, switch the model to it, and remove the old column later.',
    python:
      'Add a new field, backfill it in a data migration, switch the code, and remove the old field later.',
  },
  check(file, input) {
    return stepsOf(file, input, ['change-type'])
      .filter(
        ({ migration, operation }) =>
          onLiveTable(operation) && !(onPostgres(migration) && widensText(operation)),
      )
      .map(({ migration, operation }) => ({
        line: operation.line,
        title: `Changes the type of \`${target(operation)}\`${operation.type ? ` to \`${operation.type}\`` : ''}`,
        explanation: `Changing a column type rewrites the table under an exclusive lock, and instances still running the old code may not read or write the new type (${assumption(migration)}).`,
      }));
  },
};
