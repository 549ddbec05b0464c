import { scanPostgres } from './postgres-parser.js';
import type { SqlStatement } from './read-sql-statements.js';
import { createTextOffsets } from './text-offsets.js';

/** The line of a location (a byte offset) PostgreSQL's tree gives inside a statement. */
export function lineOfLocation(statement: SqlStatement, location: number | undefined): number {
  if (location === undefined) return statement.line;
  const offsets = createTextOffsets(statement.text, statement.line);
  const byte = location - (statement.postgresOffset ?? 0);
  return offsets.lineOf(offsets.charOf(Math.max(0, byte)));
}

const PARTS_START = new Set(['ADD', 'DROP', 'ALTER', 'RENAME', 'VALIDATE', 'SET', 'MODIFY', 'CHANGE']);

/**
 * The line each comma-separated action of `ALTER TABLE t action, action…` starts on, in order,
 * from the scanner's tokens (commas inside parentheses do not separate actions). The first
 * action starts at its first keyword after the table name.
 */
export function actionLines(statement: SqlStatement): number[] {
  const tokens = scanPostgres(statement.text);
  if (!tokens) return [];
  const offsets = createTextOffsets(statement.text, statement.line);
  const lines: number[] = [];
  let depth = 0;
  let expectAction = false;
  for (const token of tokens) {
    const text = statement.text.slice(offsets.charOf(token.start), offsets.charOf(token.end));
    if (text === '(') depth++;
    else if (text === ')') depth--;
    else if (text === ',' && depth === 0) expectAction = true;
    else if ((expectAction || lines.length === 0) && PARTS_START.has(text.toUpperCase()) && depth === 0) {
      const isFirstAlter = lines.length === 0 && !expectAction && token.start === tokens[0]?.start;
      if (!isFirstAlter) {
        lines.push(offsets.lineOf(offsets.charOf(token.start)));
        expectAction = false;
      }
    }
  }
  return lines;
}
