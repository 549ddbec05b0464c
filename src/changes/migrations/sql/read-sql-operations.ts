import { readSqlStatements } from '../../../code/sql/read-sql-statements.js';
import type { SqlDialect } from '../../../code/sql/sql-dialect.js';
import type { MigrationOperation } from '../../migration-operation.js';
import { readOtherSqlOperations } from './read-other-sql-operations.js';
import { readPostgresOperations } from './read-postgres-operations.js';

const RAW_TEXT_LIMIT = 200;

/**
 * The operations of SQL (a migration file, or SQL a migration in code runs), in statement
 * order. Statements after a goose or dbmate "down" marker are rollback and left out; a
 * statement no parser reads is a `raw` operation. `firstLine` numbers the SQL's first line.
 */
export function readSqlOperations(sql: string, dialect: SqlDialect, firstLine = 1): MigrationOperation[] {
  return readSqlStatements(sql, dialect, firstLine)
    .filter((statement) => statement.direction === 'up')
    .flatMap((statement): MigrationOperation[] => {
      if (statement.postgres) return readPostgresOperations(statement);
      if (statement.tree !== undefined) return readOtherSqlOperations(statement);
      const text = statement.text.replace(/\s+/g, ' ').trim().slice(0, RAW_TEXT_LIMIT);
      return [{ kind: 'raw', line: statement.line, text }];
    });
}

/** True when SQL holds a goose or dbmate down section with statements in it. */
export function sqlHasRollback(sql: string, dialect: SqlDialect): boolean {
  if (!sql.includes('+goose') && !sql.includes('migrate:')) return false;
  return readSqlStatements(sql, dialect).some((statement) => statement.direction === 'down');
}
