import type { ReviewRule } from '../../review-engine/review-rule.js';
import { migrationOf } from './migration-operations.js';

/** Files meant to change: declarative schemas, changelogs that grow, Flyway's repeatable migrations. */
const MEANT_TO_CHANGE = /(^|\/)R__[^/]+\.sql$|\.prisma$|changelog/i;

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
    const first = migration.operations[0];
    if (!first && migration.removedOperations.length === 0) return [];
    // The first line the edit really wrote, from the first step it changes (a statement's own
    // first line may only be re-laid out).
    const written = file.added.filter((added) => !['formatting', 'moved'].includes(file.kindOf(added)));
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
