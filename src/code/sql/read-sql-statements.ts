import type { Node } from '@pgsql/types';
import { parseOtherSql } from './other-sql-parsers.js';
import { parsePostgres, scanPostgres, type PostgresToken } from './postgres-parser.js';
import { SQL_DIALECTS, type SqlDialect } from './sql-dialect.js';
import { createTextOffsets, type TextOffsets } from './text-offsets.js';

/** One SQL statement of a file, with the tree of the parser that could read it. */
export interface SqlStatement {
  line: number;
  endLine: number;
  text: string;
  /** The dialect whose parser read it; undefined when none could (the statement is kept as raw text). */
  dialect?: SqlDialect;
  /** PostgreSQL's parse tree, when PostgreSQL read it. */
  postgres?: Node;
  /** What to subtract from a location in `postgres` to get a byte offset into `text`. */
  postgresOffset?: number;
  /** node-sql-parser's tree, when another dialect read it. */
  tree?: unknown;
  /** `down` after a goose (`-- +goose Down`) or dbmate (`-- migrate:down`) marker: it runs only on rollback. */
  direction: 'up' | 'down';
}

interface Chunk {
  start: number;
  end: number;
}

/** A statement before its direction is known; `byteStart` places it among the direction markers. */
type Located = Omit<SqlStatement, 'direction'> & { byteStart: number };

const COMMENT_TOKENS = new Set(['SQL_COMMENT', 'C_COMMENT']);

/** Direction markers of goose and dbmate, written as comments: where each starts (bytes) and which way it turns. */
function directionMarkers(
  sql: string,
  tokens: PostgresToken[],
  offsets: TextOffsets,
): { at: number; direction: 'up' | 'down' }[] {
  return tokens
    .filter((token) => COMMENT_TOKENS.has(token.tokenName))
    .flatMap((token): { at: number; direction: 'up' | 'down' }[] => {
      const text = sql.slice(offsets.charOf(token.start), offsets.charOf(token.end)).toLowerCase();
      const body = text.replace(/^--\s*/, '');
      if (body.startsWith('+goose down') || body.startsWith('migrate:down'))
        return [{ at: token.start, direction: 'down' }];
      if (body.startsWith('+goose up') || body.startsWith('migrate:up'))
        return [{ at: token.start, direction: 'up' }];
      return [];
    });
}

/** Statements split at top-level semicolons (and SQL Server's `GO` alone on a line), from the scanner's tokens. */
function chunksOf(sql: string, tokens: PostgresToken[], offsets: TextOffsets): Chunk[] {
  const chunks: Chunk[] = [];
  let first: PostgresToken | undefined;
  let last: PostgresToken | undefined;
  const close = (): void => {
    if (first && last) chunks.push({ start: first.start, end: last.end });
    first = undefined;
    last = undefined;
  };
  for (const token of tokens) {
    if (COMMENT_TOKENS.has(token.tokenName)) continue;
    if (token.tokenName === 'ASCII_59') {
      close();
      continue;
    }
    const text = sql.slice(offsets.charOf(token.start), offsets.charOf(token.end));
    if (text.toUpperCase() === 'GO' && aloneOnLine(sql, offsets.charOf(token.start), text.length)) {
      close();
      continue;
    }
    first ??= token;
    last = token;
  }
  close();
  return chunks;
}

function aloneOnLine(sql: string, start: number, length: number): boolean {
  const lineStart = sql.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = sql.indexOf('\n', start);
  return (
    sql.slice(lineStart, start).trim() === '' &&
    sql.slice(start + length, lineEnd === -1 ? sql.length : lineEnd).trim() === ''
  );
}

/** Reads one statement with the file's dialect first, then the others (a MySQL statement in a file read as PostgreSQL). */
type Parsed = Pick<SqlStatement, 'dialect' | 'postgres' | 'postgresOffset' | 'tree'>;

function parseChunk(text: string, dialect: SqlDialect): Parsed {
  for (const candidate of [dialect, ...SQL_DIALECTS.filter((other) => other !== dialect)]) {
    if (candidate === 'postgresql') {
      const node = parsePostgres(text)?.stmts?.[0]?.stmt;
      if (node) return { dialect: candidate, postgres: node, postgresOffset: 0 };
    } else {
      const tree = parseOtherSql(text, candidate);
      if (tree) return { dialect: candidate, tree };
    }
  }
  return {};
}

function statementAt(sql: string, offsets: TextOffsets, chunk: Chunk, parsed: Parsed): Located {
  const start = offsets.charOf(chunk.start);
  const end = offsets.charOf(chunk.end);
  return {
    line: offsets.lineOf(start),
    endLine: offsets.lineOf(Math.max(start, end - 1)),
    text: sql.slice(start, end),
    byteStart: chunk.start,
    ...parsed,
  };
}

/** PostgreSQL reads the whole text at once when every statement is valid PostgreSQL: the common case, and the fastest. */
function readWholePostgres(sql: string, offsets: TextOffsets): Located[] | undefined {
  const parsed = parsePostgres(sql);
  if (!parsed) return undefined;
  return (parsed.stmts ?? []).flatMap((raw) => {
    if (!raw.stmt) return [];
    const start = raw.stmt_location ?? 0;
    const chunk = { start, end: start + (raw.stmt_len ?? Buffer.byteLength(sql) - start) };
    const parsedStatement = { dialect: 'postgresql' as const, postgres: raw.stmt, postgresOffset: start };
    return [statementAt(sql, offsets, chunk, parsedStatement)];
  });
}

/**
 * Splits SQL into statements and parses each with a real parser: PostgreSQL's own for
 * `postgresql`, node-sql-parser for the other dialects, falling back to the other dialects
 * for a statement its file's dialect cannot read. A statement no parser reads is kept as
 * text. `firstLine` numbers the first line (SQL embedded in a migration written in code).
 * The parsers must be loaded first (`loadSqlParsers`).
 */
export function readSqlStatements(sql: string, dialect: SqlDialect, firstLine = 1): SqlStatement[] {
  const offsets = createTextOffsets(sql, firstLine);
  const markedUp = sql.includes('+goose') || sql.includes('migrate:');
  const tokens = markedUp || dialect !== 'postgresql' ? scanPostgres(sql) : undefined;
  let statements = dialect === 'postgresql' && !markedUp ? readWholePostgres(sql, offsets) : undefined;
  if (!statements) {
    const all = tokens ?? scanPostgres(sql);
    const chunks = all ? chunksOf(sql, all, offsets) : [{ start: 0, end: Buffer.byteLength(sql) }];
    statements = chunks.map((chunk) => {
      const text = sql.slice(offsets.charOf(chunk.start), offsets.charOf(chunk.end));
      return statementAt(sql, offsets, chunk, parseChunk(text, dialect));
    });
  }
  const markers = tokens ? directionMarkers(sql, tokens, offsets) : [];
  return statements
    .filter((statement) => statement.text.trim() !== '')
    .map(({ byteStart, ...statement }) => {
      const marker = markers.filter((candidate) => candidate.at < byteStart).pop();
      return { ...statement, direction: marker?.direction ?? 'up' };
    });
}
