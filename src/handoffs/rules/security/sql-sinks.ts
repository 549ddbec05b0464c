import type { CodeLanguage } from '../../../code/language.js';
import { names } from './string-building/string-calls.js';

/**
 * Where SQL text goes to the database, as names of the calls that take it: a call is a sink when
 * the method or function it calls has one of these names. Names, not patterns: the syntax tree
 * gives the call's name, its receiver and its arguments.
 */

const JS_QUERIES = 'query execute raw exec prepare run all get unsafe $queryRawUnsafe $executeRawUnsafe';
const JS_FRAGMENTS =
  'whereRaw orWhereRaw andWhereRaw orderByRaw havingRaw selectRaw joinRaw fromRaw groupByRaw';
const JVM_QUERIES = `
  executeQuery executeUpdate executeLargeUpdate execute prepareStatement prepareCall createQuery
  createNativeQuery createSQLQuery query queryForObject queryForList queryForMap queryForRowSet update
  batchUpdate addBatch`;
const DAPPER_QUERIES = 'Query QueryFirst QueryFirstOrDefault QuerySingle QuerySingleOrDefault QueryMultiple';

/** Calls that send the SQL text they are given to the database, per language (ORMs' raw-SQL escape hatches included). */
export const QUERY_METHODS: Readonly<Record<CodeLanguage, ReadonlySet<string>>> = {
  javascript: names(JS_QUERIES),
  typescript: names(JS_QUERIES),
  // SQLAlchemy's `text()` and psycopg's `sql.SQL()` mark a string as SQL as it is.
  python: names(`
    execute executemany executescript mogrify raw exec_driver_sql query fetch fetchrow fetchval fetch_all
    fetch_one fetch_val text SQL`),
  go: names(`
    Query QueryRow QueryContext QueryRowContext Exec ExecContext Raw Select SelectContext Get GetContext
    Prepare PrepareContext NamedExec NamedQuery MustExec`),
  java: names(JVM_QUERIES),
  kotlin: names(`${JVM_QUERIES} exec`),
  ruby: names('find_by_sql execute exec_query select_all select_one select_value select_values exec query'),
  php: names(`
    query exec prepare select statement unprepared executeQuery executeStatement fetchAllAssociative
    fetchAssociative fetchOne createNativeQuery mysqli_query mysql_query pg_query sqlsrv_query`),
  // ADO.NET commands take their SQL when they are made: `new SqlCommand(sql, connection)`.
  csharp: names(`
    FromSqlRaw ExecuteSqlRaw ExecuteSqlRawAsync SqlQueryRaw ${DAPPER_QUERIES} QueryAsync QueryFirstAsync
    QueryFirstOrDefaultAsync QuerySingleAsync QuerySingleOrDefaultAsync QueryMultipleAsync
    Execute ExecuteAsync ExecuteScalar ExecuteScalarAsync ExecuteReader ExecuteReaderAsync
    SqlCommand NpgsqlCommand MySqlCommand SqliteCommand SQLiteCommand OleDbCommand OdbcCommand`),
  rust: names(`
    query query_as query_scalar sql_query execute query_row query_one prepare batch_execute simple_query`),
  elixir: names('query query! query_many query_many!'),
};

/**
 * Query-builder methods whose string argument is itself a piece of SQL (`where("name = …")`): a value
 * built into it is injectable even though no whole statement is in sight.
 */
export const SQL_FRAGMENT_METHODS: Readonly<Partial<Record<CodeLanguage, ReadonlySet<string>>>> = {
  javascript: names(JS_FRAGMENTS),
  typescript: names(JS_FRAGMENTS),
  python: names('extra RawSQL'),
  go: names('Where Or Not Order Having Joins Group'),
  ruby: names('where not or order reorder having joins group pluck select from lock'),
  php: names('whereRaw orWhereRaw selectRaw orderByRaw havingRaw groupByRaw raw'),
};

/** ADO.NET's `command.CommandText = sql`: an assignment that hands SQL to a command. */
export const SQL_PROPERTIES = names('CommandText');

/** SQL statement shapes: enough to tell a query from an ordinary message string. */
const SQL_TEXT =
  /\b(?:select\b[^;]{0,300}?\bfrom\b|insert\s+into\b|update\s+[\w."`[\]]+\s+set\b|delete\s+from\b|where\s+[\w."`[\]]+\s*(?:=|<>|!=|<|>|\blike\b|\bin\b)|order\s+by\s+[\w."`[\]]+)/i;

/** True when `text` (the literal parts of a string, each value replaced by a word) is shaped like SQL. */
export function containsSql(text: string): boolean {
  return SQL_TEXT.test(text);
}

/**
 * The literal parts of a fragment handed to a query builder: a condition, an ordering, a join, or
 * nothing but the value itself. A route or a path (`Group("/v1/" + version)`) is not SQL.
 */
const SQL_FRAGMENT_TEXT =
  /^[\s(),'"`]*$|[=<>?]|\b(?:like|ilike|in|is|not|and|or|between|asc|desc|null|exists|select|join|on|as|by|count|sum|min|max|distinct|case|when|lower|upper|coalesce)\b/i;

/** True when the literal text of a query-builder argument reads as a piece of SQL. */
export function looksLikeSqlFragment(text: string): boolean {
  return !text.trimStart().startsWith('/') && SQL_FRAGMENT_TEXT.test(text);
}

/**
 * Where SQL names a table or column (or writes a condition the code composed): after FROM, JOIN, INTO,
 * UPDATE, TABLE, BY, SELECT, AS, WHERE, AND, OR, ON or SET, after a `.`, or first of all.
 */
const NAME_PLACE =
  /(?:^|\b(?:from|join|into|update|table|exists|by|select|as|distinct|where|and|or|on|set)\s*["`[]?|["`\]]?\.\s*["`[]?)\s*$/i;

/**
 * True when a value written after `before` stands for a table or column name. Names come from the
 * code's own tables and settings far more often than from outside, so a value not traced to the
 * request or a parameter is not reported there.
 */
export function standsForName(before: string): boolean {
  return NAME_PLACE.test(before);
}
