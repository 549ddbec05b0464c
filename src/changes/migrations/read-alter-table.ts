import type { EffectsRecorder } from './migration-effects.js';
import { SqlCursor } from './sql-cursor.js';
import type { SqlToken } from './tokenize-sql.js';

const NOT_A_COLUMN = new Set([
  'CONSTRAINT',
  'PRIMARY',
  'FOREIGN',
  'UNIQUE',
  'INDEX',
  'KEY',
  'CHECK',
  'EXCLUDE',
  'PARTITION',
  'FULLTEXT',
  'SPATIAL',
  'PERIOD',
  'SYSTEM',
]);
// Columns that fill themselves, so NOT NULL without a DEFAULT is safe.
const SELF_FILLING = new Set([
  'GENERATED',
  'IDENTITY',
  'AUTO_INCREMENT',
  'AUTOINCREMENT',
  'SERIAL',
  'BIGSERIAL',
  'SMALLSERIAL',
]);

function splitActions(tokens: SqlToken[]): SqlToken[][] {
  const actions: SqlToken[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === 'symbol' && token.text === '(') depth++;
    if (token.kind === 'symbol' && token.text === ')') depth--;
    if (depth === 0 && token.kind === 'symbol' && token.text === ',') actions.push([]);
    else actions[actions.length - 1]?.push(token);
  }
  return actions.filter((action) => action.length > 0);
}

/** Source-like text of a run of tokens: `varchar(100)`, `numeric(10, 2)`. */
export function tokensText(tokens: SqlToken[]): string {
  let text = '';
  for (const token of tokens) {
    const wordLike = token.kind !== 'symbol';
    if (text !== '' && wordLike && /[\w)]$/.test(text)) text += ' ';
    text += token.kind === 'string' ? `'${token.text}'` : token.text;
    if (token.text === ',') text += ' ';
  }
  return text;
}

function hasWords(tokens: SqlToken[], ...words: string[]): boolean {
  return tokens.some((_, index) => words.every((word, offset) => tokens[index + offset]?.upper === word));
}

function readAdd(cursor: SqlCursor, table: string, recorder: EffectsRecorder): void {
  cursor.accept('COLUMN');
  if (NOT_A_COLUMN.has(cursor.peek()?.upper ?? '')) return;
  cursor.acceptIfExists();
  const line = cursor.line();
  const column = cursor.name();
  const definition = cursor.tokens.slice(cursor.position);
  const selfFilling = definition.some((token) => SELF_FILLING.has(token.upper));
  if (column && hasWords(definition, 'NOT', 'NULL') && !hasWords(definition, 'DEFAULT') && !selfFilling) {
    recorder.destructive(
      'not-null-without-default',
      line,
      `adds ${table}.${column} NOT NULL without a default`,
    );
  }
}

function readDrop(cursor: SqlCursor, table: string, recorder: EffectsRecorder): void {
  const explicit = cursor.accept('COLUMN');
  if (!explicit && NOT_A_COLUMN.has(cursor.peek()?.upper ?? '')) return;
  if (!explicit && cursor.peek()?.upper === 'DEFAULT') return;
  cursor.acceptIfExists();
  const line = cursor.line();
  const column = cursor.name();
  if (column) recorder.destructive('drop-column', line, `drops column ${table}.${column}`);
}

function typeChange(
  recorder: EffectsRecorder,
  line: number,
  table: string,
  column: string,
  type: SqlToken[],
): void {
  const until = type.findIndex((token) =>
    ['USING', 'COLLATE', 'NULL', 'NOT', 'DEFAULT', 'FIRST', 'AFTER', 'COMMENT'].includes(token.upper),
  );
  const written = tokensText(until === -1 ? type : type.slice(0, until));
  recorder.destructive('column-type-change', line, `changes the type of ${table}.${column} to ${written}`);
}

function readAlterColumn(cursor: SqlCursor, table: string, recorder: EffectsRecorder): void {
  cursor.accept('COLUMN');
  const line = cursor.line();
  const column = cursor.name();
  if (!column) return;
  if (cursor.accept('SET', 'DATA', 'TYPE') || cursor.accept('TYPE')) {
    typeChange(recorder, line, table, column, cursor.tokens.slice(cursor.position));
  } else if (cursor.accept('SET', 'NOT', 'NULL')) {
    recorder.destructive(
      'not-null-without-default',
      line,
      `sets ${table}.${column} NOT NULL (existing NULLs fail)`,
    );
  } else if (!['SET', 'DROP', 'ADD', 'RESET', 'OPTIONS'].includes(cursor.peek()?.upper ?? '')) {
    // SQL Server: ALTER COLUMN name newtype
    typeChange(recorder, line, table, column, cursor.tokens.slice(cursor.position));
  }
}

function readRename(cursor: SqlCursor, table: string, recorder: EffectsRecorder): void {
  const line = cursor.line();
  if (cursor.accept('TO') || cursor.accept('AS')) {
    const to = cursor.name();
    if (to) recorder.destructive('rename-table', line, `renames table ${table} to ${to}`);
    return;
  }
  if (['CONSTRAINT', 'INDEX', 'KEY'].includes(cursor.peek()?.upper ?? '')) return;
  cursor.accept('COLUMN');
  const from = cursor.name();
  cursor.accept('TO');
  const to = cursor.name();
  if (from && to) recorder.destructive('rename-column', line, `renames column ${table}.${from} to ${to}`);
}

function readChange(cursor: SqlCursor, table: string, recorder: EffectsRecorder, modify: boolean): void {
  cursor.accept('COLUMN');
  const line = cursor.line();
  const from = cursor.name();
  const to = modify ? from : cursor.name();
  if (!from || !to) return;
  if (from !== to) recorder.destructive('rename-column', line, `renames column ${table}.${from} to ${to}`);
  typeChange(recorder, line, table, to, cursor.tokens.slice(cursor.position));
}

/** Reads `ALTER TABLE name action, action…` (PostgreSQL, MySQL, SQLite, SQL Server spellings) after `ALTER TABLE`. */
export function readAlterTable(cursor: SqlCursor, recorder: EffectsRecorder): void {
  cursor.acceptIfExists();
  cursor.accept('ONLY');
  const table = cursor.name();
  if (!table) return;
  recorder.altered(table);
  for (const action of splitActions(cursor.tokens.slice(cursor.position))) {
    const actionCursor = new SqlCursor(action);
    if (actionCursor.accept('ADD')) readAdd(actionCursor, table, recorder);
    else if (actionCursor.accept('DROP')) readDrop(actionCursor, table, recorder);
    else if (actionCursor.accept('ALTER')) readAlterColumn(actionCursor, table, recorder);
    else if (actionCursor.accept('RENAME')) readRename(actionCursor, table, recorder);
    else if (actionCursor.accept('MODIFY')) readChange(actionCursor, table, recorder, true);
    else if (actionCursor.accept('CHANGE')) readChange(actionCursor, table, recorder, false);
  }
}
