/**
 * Calls by what they do to a string, by name across languages: names, not patterns, since the
 * syntax tree gives each call's name.
 */

/** A set of names written as one space-separated list. */
export function names(list: string): ReadonlySet<string> {
  return new Set(list.trim().split(/\s+/));
}

/** Calls that return numbers, counts or escaped text: no SQL can ride on what they return. */
export const INERT_CALLS = names(`
  parseInt parseFloat Number Boolean int float bool Itoa FormatInt FormatFloat FormatBool ParseInt Atoi
  parseLong parseDouble intval floatval boolval to_i to_f Integer Float len length count size Count toFixed
  escape escapeLiteral escapeIdentifier escapeId quote quote_ident quote_literal quote_table_name
  quote_column_name quote_identifier sanitize_sql sanitize_sql_array sanitize_sql_like
  sanitize_sql_for_conditions real_escape_string mysqli_real_escape_string pg_escape_string
  pg_escape_literal pg_escape_identifier QuoteIdentifier QuoteLiteral Identifier Literal make
`);

/** Sanitizers and escapers by their names (`sanitizeTableName`, `escapeId`, `pg.escapeIdentifier`), not `unescape`. */
export const SANITIZER = /^(?!un)\w*(?:sanitiz|escape)|^slugify$/i;

/**
 * Calls that hand back the string they are given or called on: conversions, builders made from a
 * string, and SQL markers (`text(sql)`, `sql.SQL(q)`, `Prisma.raw(q)`).
 */
export const PASS_THROUGH = names(`
  StringBuilder StringBuffer toString to_string to_owned as_str into String strval str text SQL raw
  trim strip lower upper toLowerCase toUpperCase ToLower ToUpper
`);

/** printf-style formatting: `%s`, `%d`. */
export const PRINTF = names('Sprintf sprintf vsprintf format formatted');

/** Positional-brace formatting: `{0}`, `{}`. */
export const BRACES = names('Format AppendFormat');

/** Calls that join a list of strings. */
export const JOIN = names('join Join implode');

/** Calls that, given nothing, make an empty collection or builder. */
export const EMPTY_MAKERS = names(`
  new list dict set mutableListOf arrayListOf listOf emptyList ArrayList LinkedList StringBuilder StringBuffer`);
