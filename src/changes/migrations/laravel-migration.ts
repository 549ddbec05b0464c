import type { MigrationReader } from './migration-reader.js';
import { readMigrationCalls, type MigrationCall } from './migration-calls.js';
import type { EffectsRecorder } from './migration-effects.js';
import { readSqlEffects } from './read-sql-effects.js';

const SCHEMA_CALL = /\b(?:Schema|DB)\s*::\s*(\w+)\s*\(/g;
const BLUEPRINT_CALL = /\$table\s*->\s*(\w+)\s*\(/g;
// Blueprint methods that add no plain column, or add columns that may be NULL.
const NOT_A_COLUMN = new Set([
  'dropColumn',
  'renameColumn',
  'index',
  'unique',
  'primary',
  'foreign',
  'spatialIndex',
  'fullText',
  'dropIndex',
  'dropUnique',
  'dropPrimary',
  'dropForeign',
  'dropConstrainedForeignId',
  'dropTimestamps',
  'dropSoftDeletes',
  'timestamps',
  'nullableTimestamps',
  'softDeletes',
  'rememberToken',
  'id',
  'increments',
  'bigIncrements',
  'morphs',
  'nullableMorphs',
  'engine',
  'charset',
  'collation',
  'comment',
  'temporary',
]);

interface TableScope {
  table: string;
  start: number;
  end: number;
}

function readSchemaCall(call: MigrationCall, recorder: EffectsRecorder): void {
  const table = call.text(0);
  const line = call.line;
  if (call.name === 'statement' || call.name === 'unprepared') {
    if (table) readSqlEffects(table, line, recorder);
    return;
  }
  if (!table) return;
  if (call.name === 'create') recorder.created(table);
  else if (call.name === 'drop' || call.name === 'dropIfExists') recorder.dropped(table, line);
  else if (call.name === 'rename')
    recorder.destructive('rename-table', line, `renames table ${table} to ${call.text(1) ?? '?'}`);
  else if (call.name === 'table') recorder.altered(table);
}

const DROPS_COLUMNS = new Set(['dropColumn', 'dropTimestamps', 'dropSoftDeletes']);

/** `dropColumn('a')` or `dropColumn(['a', 'b'])`, and the helpers that drop Laravel's own columns. */
function readColumnDrop(call: MigrationCall, table: string, recorder: EffectsRecorder): void {
  if (call.name !== 'dropColumn') {
    recorder.destructive(
      'drop-column',
      call.line,
      `drops column ${table}.${call.name === 'dropTimestamps' ? 'created_at, updated_at' : 'deleted_at'}`,
    );
    return;
  }
  const columns =
    call.view.text
      .slice(call.start, call.close)
      .match(/['"][^'"]+['"]/g)
      ?.map((quoted) => quoted.slice(1, -1)) ?? [];
  for (const column of columns)
    recorder.destructive('drop-column', call.line, `drops column ${table}.${column}`);
}

function readBlueprintCall(call: MigrationCall, table: string, recorder: EffectsRecorder): void {
  const line = call.line;
  const chain = call.chain();
  if (DROPS_COLUMNS.has(call.name)) {
    readColumnDrop(call, table, recorder);
  } else if (call.name === 'renameColumn') {
    recorder.destructive(
      'rename-column',
      line,
      `renames column ${table}.${call.text(0) ?? '?'} to ${call.text(1) ?? '?'}`,
    );
  } else if (/->\s*change\s*\(/.test(chain)) {
    recorder.destructive(
      'column-type-change',
      line,
      `changes the type of ${table}.${call.text(0) ?? '?'} to ${call.name}`,
    );
  } else if (
    !NOT_A_COLUMN.has(call.name) &&
    call.text(0) &&
    !/->\s*(nullable|default|useCurrent|storedAs|virtualAs|autoIncrement)\s*\(/.test(chain)
  ) {
    // Laravel columns are NOT NULL unless ->nullable(); on a table with rows that needs a default.
    recorder.destructive(
      'not-null-without-default',
      line,
      `adds ${table}.${call.text(0) ?? '?'} NOT NULL without a default`,
    );
  }
}

/** Laravel `database/migrations`: `Schema::create/table/drop/rename`, Blueprint column changes inside `Schema::table`, `DB::statement` SQL; `down()` is left out. */
export const readLaravelMigration: MigrationReader = (change, recorder, touched) => {
  const side = change.newSide();
  const scopes: TableScope[] = [];
  // Every Schema::table, edited or not, names the table of the Blueprint lines inside it.
  for (const call of readMigrationCalls(side, 'php', SCHEMA_CALL, () => true)) {
    const table = call.text(0);
    if (call.name === 'table' && table) scopes.push({ table, start: call.start, end: call.close });
    if (touched(call.line, call.line)) readSchemaCall(call, recorder);
  }
  for (const call of readMigrationCalls(side, 'php', BLUEPRINT_CALL, touched)) {
    const scope = scopes.find((candidate) => candidate.start < call.start && call.start < candidate.end);
    if (!scope) continue;
    recorder.altered(scope.table);
    readBlueprintCall(call, scope.table, recorder);
  }
};
