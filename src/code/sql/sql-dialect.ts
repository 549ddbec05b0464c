/** The SQL dialects migrations are read in: PostgreSQL by its own parser, the others by node-sql-parser. */
export type SqlDialect = 'postgresql' | 'mysql' | 'mariadb' | 'sqlite' | 'sqlserver';

/** Every dialect, in the order a statement is tried when its file's own dialect cannot read it. */
export const SQL_DIALECTS: readonly SqlDialect[] = ['postgresql', 'mysql', 'sqlserver', 'sqlite', 'mariadb'];

/** The dialect of a database discovery names (`postgresql`, `mysql`, `sqlserver`…), if it is one of ours. */
export function dialectOfDatabase(database: string): SqlDialect | undefined {
  return (SQL_DIALECTS as readonly string[]).includes(database) ? (database as SqlDialect) : undefined;
}
