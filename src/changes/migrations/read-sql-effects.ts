import { SqlCursor } from './sql-cursor.js';
import { tokenizeSql, type SqlStatement, type SqlToken } from './tokenize-sql.js';
import type { EffectsRecorder } from './migration-effects.js';
import { readAlterTable } from './read-alter-table.js';

function readCreate(cursor: SqlCursor, recorder: EffectsRecorder): void {
  cursor.accept('OR', 'REPLACE');
  while (
    [
      'GLOBAL',
      'LOCAL',
      'TEMP',
      'TEMPORARY',
      'UNLOGGED',
      'VIRTUAL',
      'UNIQUE',
      'CLUSTERED',
      'NONCLUSTERED',
    ].includes(cursor.peek()?.upper ?? '')
  )
    cursor.position++;
  if (cursor.accept('TABLE')) {
    cursor.acceptIfExists();
    const table = cursor.name();
    if (table) recorder.created(table);
  } else if (cursor.accept('INDEX')) {
    cursor.accept('CONCURRENTLY');
    cursor.acceptIfExists();
    if (cursor.peek()?.upper !== 'ON') cursor.name();
    if (cursor.accept('ON')) {
      cursor.accept('ONLY');
      const table = cursor.name();
      if (table) recorder.altered(table);
    }
  }
}

function readDrop(cursor: SqlCursor, recorder: EffectsRecorder): void {
  const line = cursor.line();
  if (cursor.accept('TABLE')) {
    cursor.acceptIfExists();
    for (const table of cursor.names()) recorder.dropped(table, line);
  } else if (cursor.accept('SCHEMA') || cursor.accept('DATABASE')) {
    cursor.acceptIfExists();
    for (const schema of cursor.names()) recorder.destructive('drop-schema', line, `drops schema ${schema}`);
  }
}

function hasWordAtTopLevel(tokens: SqlToken[], word: string): boolean {
  let depth = 0;
  for (const token of tokens) {
    if (token.text === '(' && token.kind === 'symbol') depth++;
    else if (token.text === ')' && token.kind === 'symbol') depth--;
    else if (depth === 0 && token.kind === 'word' && token.upper === word) return true;
  }
  return false;
}

function readStatement(statement: SqlStatement, recorder: EffectsRecorder): void {
  const cursor = new SqlCursor(statement.tokens);
  const line = statement.line;
  if (cursor.accept('CREATE')) readCreate(cursor, recorder);
  else if (cursor.accept('DROP')) readDrop(cursor, recorder);
  else if (cursor.accept('ALTER', 'TABLE')) readAlterTable(cursor, recorder);
  else if (cursor.accept('TRUNCATE')) {
    cursor.accept('TABLE');
    cursor.accept('ONLY');
    for (const table of cursor.names()) recorder.destructive('truncate', line, `truncates table ${table}`);
  } else if (cursor.accept('DELETE')) {
    cursor.accept('FROM');
    const table = cursor.name();
    if (table && !hasWordAtTopLevel(statement.tokens, 'WHERE')) {
      recorder.destructive('delete-all-rows', line, `deletes every row of ${table}`);
    }
  } else if (cursor.accept('RENAME', 'TABLE')) {
    const from = cursor.name();
    cursor.accept('TO');
    const to = cursor.name();
    if (from && to) {
      recorder.altered(to);
      recorder.destructive('rename-table', line, `renames table ${from} to ${to}`);
    }
  }
}

/**
 * Reads SQL for the tables it creates, alters and drops and the operations that can lose
 * data. `firstLine` numbers its first line; `include` picks statements (those an edit
 * touched), and statements after a goose or dbmate "down" marker are skipped.
 */
export function readSqlEffects(
  sql: string,
  firstLine: number,
  recorder: EffectsRecorder,
  include: (statement: SqlStatement) => boolean = () => true,
): void {
  for (const statement of tokenizeSql(sql, firstLine)) {
    if (statement.direction === 'up' && include(statement)) readStatement(statement, recorder);
  }
}
