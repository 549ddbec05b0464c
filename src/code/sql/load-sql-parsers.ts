import { loadOtherSqlParsers } from './other-sql-parsers.js';
import { loadPostgresParser } from './postgres-parser.js';
import { SQL_DIALECTS, type SqlDialect } from './sql-dialect.js';

/**
 * Loads the SQL parsers a run needs. PostgreSQL's scanner splits every dialect's statements,
 * so it always loads; a statement its file's dialect cannot read is tried in the others, so
 * they load too once any SQL is read (each on first use, a few tens of milliseconds).
 */
export async function loadSqlParsers(dialects: Iterable<SqlDialect>): Promise<void> {
  await loadPostgresParser();
  await loadOtherSqlParsers([...dialects, ...SQL_DIALECTS]);
}
