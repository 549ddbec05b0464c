import type { Severity } from '../../finding.js';
import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import type { ReviewedFile } from '../../review-engine/reviewed-file.js';
import type { RuleInput } from '../../review-engine/review-rule.js';
import { hasWorkingDownStep, splitByDirection } from './migration-direction.js';
import { isDownMigrationFile, isMigrationFile } from './migration-files.js';

interface Destructive {
  pattern: RegExp;
  what: string;
  severity: Severity;
}

const drop = (pattern: RegExp, what: string): Destructive => ({ pattern, what, severity: 'high' });
const retype = (pattern: RegExp): Destructive => ({
  pattern,
  what: 'changes a column type',
  severity: 'medium',
});

const DESTRUCTIVE: readonly Destructive[] = [
  drop(
    /\bDROP\s+TABLE\b|\bdrop_table\b|\bop\.drop_table\(|Schema::drop(?:IfExists)?\(|\.dropTable(?:IfExists)?\(|queryInterface\.dropTable\(|migrationBuilder\.DropTable\(|^\s*drop(?:_if_exists)?\s+table\(|migrations\.DeleteModel\(/i,
    'drops a table',
  ),
  drop(
    /\bDROP\s+COLUMN\b|\bremove_columns?\b|\bremove_reference\b|\bop\.drop_column\(|->dropColumns?\(|\.dropColumns?\(|queryInterface\.removeColumn\(|migrationBuilder\.DropColumn\(|^\s*remove\s+:\w+|migrations\.RemoveField\(/i,
    'drops a column',
  ),
  drop(/\bTRUNCATE\s+(?:TABLE\s+)?["`\w]/i, 'deletes all rows'),
  retype(
    /\bALTER\s+COLUMN\s+["`\w]+\s+(?:SET\s+DATA\s+)?TYPE\b|\bMODIFY\s+(?:COLUMN\s+)?["`\w]+\s+\w+|\bchange_column\s+:\w+,\s*:\w+,\s*:\w+|\bop\.alter_column\([^)]*\btype_\s*=|queryInterface\.changeColumn\(|migrationBuilder\.AlterColumn<|^\s*modify\s+:\w+,\s*:\w+/i,
  ),
];

/** Statements that copy or transform data, so dropping the old place does not lose it. */
const BACKFILL =
  /\bUPDATE\s+["`\w.]+\s+SET\b|\bINSERT\s+INTO\s+["`\w.]+\s*(?:\([^)]*\))?\s*SELECT\b|migrations\.RunPython\(|migrations\.RunSQL\(|\bupdate_all\b|\bin_batches\b|->update\(|\bbackfill/i;

/** Rails' `change` can reverse `remove_column :t, :c, :type` and `drop_table :t do … end` on its own. */
const RAILS_REVERSIBLE = /\bremove_column\s+:\w+,\s*:\w+,\s*:\w+|\bdrop_table\s+:\w+.*\bdo\b/;

function downFileExists(file: ReviewedFile, input: RuleInput): boolean {
  if (!/\.up\.sql$/i.test(file.path)) return false;
  const downPath = file.path.replace(/\.up\.sql$/i, '.down.sql');
  return (
    input.files.some((other) => other.path === downPath) || input.context.readFile?.(downPath) !== undefined
  );
}

export const destructiveMigration: ReviewRule = {
  id: 'database/destructive-migration',
  severity: 'high',
  title: 'Destructive migration without a way back',
  explanation:
    'The migration destroys data (or rewrites a column) and has neither a down step nor a backfill: a bad deploy cannot be rolled back without a restore.',
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
    if (!isMigrationFile(file) || isDownMigrationFile(file)) return [];
    const { up, down } = splitByDirection(file.added);
    const reversible =
      hasWorkingDownStep(down) ||
      downFileExists(file, input) ||
      file.added.some((line) => RAILS_REVERSIBLE.test(line.text));
    if (reversible || file.added.some((line) => BACKFILL.test(line.text))) return [];
    const hits: RuleHit[] = [];
    for (const line of up) {
      if (/^\s*(?:--|#|\/\/)/.test(line.text)) continue;
      const found = DESTRUCTIVE.find(({ pattern }) => pattern.test(line.text));
      if (found)
        hits.push({
          line: line.line,
          severity: found.severity,
          title: `Migration ${found.what} without a down step or backfill`,
        });
    }
    return hits;
  },
};
