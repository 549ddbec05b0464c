import type { CodeLanguage } from '../../../code/language.js';

/** SQL statement shapes: enough to tell a query from an ordinary message string. */
const SQL_TEXT =
  /\b(?:select\b[^;]{0,300}?\bfrom\b|insert\s+into\b|update\s+[\w."`[\]]+\s+set\b|delete\s+from\b|where\s+[\w."`[\]]+\s*(?:=|<>|!=|<|>|\blike\b|\bin\b)|order\s+by\s*["'`]?\s*[+.$#{])/i;

/** True when `text` contains something shaped like SQL. */
export function containsSql(text: string): boolean {
  return SQL_TEXT.test(text);
}

// An interpolated or concatenated value that is an ALL_CAPS constant is a table or column name, not input.
const CONCAT_AFTER_LITERAL = /["'`]\s*\+\s*(?![A-Z][A-Z0-9_]*\b(?!\s*[.([]))(?!["'`])[\w$(]/;
const CONCAT_BEFORE_LITERAL = /(?<![\w$])[a-z_$][\w$]*[)\]]?\s*\+\s*["'`]/;
const UNTAGGED_TEMPLATE = /(?<![\w$.)\]])`[^`]*\$\{(?!\s*[A-Z][A-Z0-9_]*\s*\})(?![^}]*\?)/;
const PYTHON_F_STRING = /(?<![\w])(?:[fF][rR]?|[rR][fF])("""|'''|"|')(?:(?!\1)[\s\S])*?\{(?!\{)[^}]+\}/;
const PYTHON_PERCENT = /["']\s*%\s*[\w([{]/;
const PYTHON_FORMAT = /["']\.format\(/;
const GO_SPRINTF = /Sprintf\(\s*[`"][^`"]*%[svq]/;
const JAVA_FORMAT = /String\.format\(|\.formatted\(/;
const KOTLIN_TEMPLATE = /"[^"]*\$\{?[a-zA-Z_]/;
const CSHARP_INTERPOLATION = /(?:\$@?|@\$)"[^"]*\{[^}]+\}|[sS]tring\.Format\(/;
const HASH_INTERPOLATION = /"[^"]*#\{[^}]+\}/;
const PHP_INTERPOLATION = /"[^"]*\$[a-zA-Z_{]|["']\s*\.\s*\$|\$[\w>-]+\s*\.\s*["']/;
const RUST_FORMAT = /format!\(/;

const CONCATENATION = [CONCAT_AFTER_LITERAL, CONCAT_BEFORE_LITERAL];

const DYNAMIC_STRING: Readonly<Record<CodeLanguage, readonly RegExp[]>> = {
  javascript: [UNTAGGED_TEMPLATE, ...CONCATENATION],
  typescript: [UNTAGGED_TEMPLATE, ...CONCATENATION],
  python: [PYTHON_F_STRING, PYTHON_PERCENT, PYTHON_FORMAT, ...CONCATENATION],
  go: [GO_SPRINTF, ...CONCATENATION],
  java: [JAVA_FORMAT, ...CONCATENATION],
  kotlin: [JAVA_FORMAT, KOTLIN_TEMPLATE, ...CONCATENATION],
  csharp: [CSHARP_INTERPOLATION, ...CONCATENATION],
  ruby: [HASH_INTERPOLATION, ...CONCATENATION],
  elixir: [HASH_INTERPOLATION],
  php: [PHP_INTERPOLATION],
  rust: [RUST_FORMAT],
};

/** True when `text` builds a string from values at runtime (interpolation, concatenation, formatting). */
export function buildsStringDynamically(text: string, language: CodeLanguage): boolean {
  return DYNAMIC_STRING[language].some((pattern) => pattern.test(text));
}

/** Calls that send SQL text to the database, per language (ORMs' raw-SQL escape hatches included). */
export const QUERY_CALL: Readonly<Record<CodeLanguage, RegExp>> = {
  javascript:
    /\.(?:query|execute|raw|exec|prepare|run|all|get|\$queryRawUnsafe|\$executeRawUnsafe|whereRaw|orderByRaw|havingRaw|selectRaw|joinRaw|fromRaw)\s*\(/,
  typescript:
    /\.(?:query|execute|raw|exec|prepare|run|all|get|\$queryRawUnsafe|\$executeRawUnsafe|whereRaw|orderByRaw|havingRaw|selectRaw|joinRaw|fromRaw)\s*\(/,
  python:
    /\.(?:execute|executemany|executescript|raw|extra|exec_driver_sql|query|fetch|fetchrow|fetchval|fetch_all|fetch_one)\s*\(|\b(?:text|RawSQL)\s*\(/,
  go: /\.(?:Query|QueryRow|QueryContext|QueryRowContext|Exec|ExecContext|Raw|Select|Get|Prepare|PrepareContext|Where|Order|NamedExec|NamedQuery|MustExec)\s*\(/,
  java: /\.(?:executeQuery|executeUpdate|executeLargeUpdate|execute|prepareStatement|prepareCall|createQuery|createNativeQuery|createSQLQuery|query|queryForObject|queryForList|queryForMap|update|batchUpdate|addBatch)\s*\(/,
  kotlin:
    /\.(?:executeQuery|executeUpdate|execute|prepareStatement|createQuery|createNativeQuery|query|queryForObject|queryForList|update|exec)\s*\(/,
  ruby: /\.(?:find_by_sql|execute|exec_query|select_all|select_one|select_value|select_values|where|order|having|joins|group|exec|query)\s*[( ]/,
  php: /->(?:query|exec|prepare|select|statement|unprepared|whereRaw|selectRaw|orderByRaw|havingRaw|raw)\s*\(|::(?:select|statement|unprepared|raw)\s*\(|\b(?:mysqli_query|mysql_query|pg_query|sqlsrv_query)\s*\(/,
  csharp:
    /\.(?:FromSqlRaw|ExecuteSqlRaw|ExecuteSqlRawAsync|SqlQueryRaw|Query|QueryAsync|QueryFirst\w*|QuerySingle\w*|Execute|ExecuteAsync|ExecuteScalar\w*|ExecuteReader\w*)\s*[(<]|new\s+(?:Sql|Npgsql|MySql|Sqlite|OleDb|Odbc)Command\s*\(|\.CommandText\s*=/,
  rust: /\b(?:sqlx::)?(?:query|query_as|query_scalar)\s*(?:::<[^>]*>)?\s*\(|\.(?:execute|query|query_row|prepare|batch_execute|simple_query)\s*\(/,
  elixir: /\b(?:Repo\.query!?|Ecto\.Adapters\.SQL\.query!?|SQL\.query!?|Repo\.query_many!?)\s*\(/,
};

/**
 * Query-builder methods whose string argument is itself a SQL fragment (`where("name = ...")`), so a
 * dynamic argument is injectable even without a full statement in sight.
 */
export const SQL_FRAGMENT_CALL: Partial<Record<CodeLanguage, RegExp>> = {
  javascript: /\.(?:whereRaw|orWhereRaw|orderByRaw|havingRaw|selectRaw|joinRaw|fromRaw|groupByRaw)\s*\(/,
  typescript: /\.(?:whereRaw|orWhereRaw|orderByRaw|havingRaw|selectRaw|joinRaw|fromRaw|groupByRaw)\s*\(/,
  python: /\.extra\s*\(|\bRawSQL\s*\(/,
  go: /\.(?:Where|Or|Not|Order|Having|Joins|Group)\s*\(/,
  ruby: /\.(?:where|not|or|order|reorder|having|joins|group|pluck|select|from|lock)\s*\(?\s*"/,
  php: /->(?:whereRaw|orWhereRaw|selectRaw|orderByRaw|havingRaw|groupByRaw)\s*\(|DB::raw\s*\(/,
};
