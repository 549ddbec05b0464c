import type { MigrationReader } from './migration-reader.js';
import { contiguousBlocks } from './migration-reader.js';
import { readSqlEffects } from './read-sql-effects.js';

/** Plain SQL migrations (Prisma, Flyway, golang-migrate, sqlx, Diesel, goose, dbmate, Drizzle…): the statements an edit touched. */
export const readSqlMigration: MigrationReader = (change, recorder, touched) => {
  const side = change.newSide();
  for (const block of contiguousBlocks(side.lines)) {
    readSqlEffects(block.text, block.firstLine, recorder, (statement) =>
      touched(statement.line, statement.endLine),
    );
  }
};
