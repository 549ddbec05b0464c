import type { DiffLine } from '../../../code/diff/changed-file.js';
import { layoutFree } from '../../../code/cosmetic-lines.js';
import type { ReviewRule } from '../../review-engine/review-rule.js';
import type { ReviewedFile } from '../../review-engine/reviewed-file.js';
import { migrationOf } from './migration-operations.js';

/** Files meant to change: declarative schemas, changelogs that grow, Flyway's repeatable migrations. */
const MEANT_TO_CHANGE = /(^|\/)R__[^/]+\.sql$|\.prisma$|changelog/i;

/** Code text with layout and letter case taken out, and a trailing comma (the one a line gains when another is appended). */
const caseFree = (text: string): string => layoutFree(text).toLowerCase().replace(/,$/, '');

/**
 * The added code lines that say something the removed lines did not: not comments, imports, re-laid-out
 * or moved code, nor a line that restates removed text (`email text` gaining a comma, `create table`
 * written `CREATE TABLE` or re-wrapped).
 */
function writtenLines(file: ReviewedFile): DiffLine[] {
  const before = caseFree(file.removed.map((removed) => removed.text).join(''));
  return file.added.filter((added) => {
    if (file.kindOf(added) !== 'code') return false;
    const text = caseFree(added.text);
    return text !== '' && !before.includes(text);
  });
}

export const editedAppliedMigration: ReviewRule = {
  id: 'database/edited-applied-migration',
  severity: 'medium',
  title: 'Existing migration edited',
  explanation:
    'Databases that already ran this migration will not run it again, so they never get the edit: environments drift apart (and Flyway or Liquibase checksums fail).',
  fix: {
    default: 'Leave the applied migration as it is and put the change in a new migration.',
  },
  check(file, input) {
    const migration = migrationOf(file, input);
    if (!migration || migration.change !== 'modified' || MEANT_TO_CHANGE.test(migration.file)) return [];
    const written = writtenLines(file);
    const first = migration.operations[0];
    // The operations are a summary: an edit they do not show (a field's length) still changes a
    // migration in code. SQL has no syntax tree here to tell its comments from code, so there the
    // operations decide.
    const unchanged = !first && migration.removedOperations.length === 0;
    if (unchanged && (written.length === 0 || !file.view())) return [];
    // The first line the edit really wrote, from the first step it changes (a statement's own
    // first line may only be re-laid out).
    const line =
      (written.find((added) => added.line >= (first?.line ?? 0)) ?? written[0])?.line ?? first?.line;
    if (line === undefined) return [];
    return [
      {
        line,
        title: `Edits the existing migration \`${migration.file}\``,
        explanation: `Databases that already ran this ${migration.tool} migration will not run it again, so they never get this change.`,
      },
    ];
  },
};
