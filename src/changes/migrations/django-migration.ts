import type { MigrationReader } from './migration-reader.js';
import { readMigrationCalls, type MigrationCall } from './migration-calls.js';
import type { EffectsRecorder } from './migration-effects.js';
import { readSqlEffects } from './read-sql-effects.js';

const OPERATION = /\bmigrations\s*\.\s*(\w+)\s*\(/g;
// Fields that add no column to the model's table.
const NO_COLUMN = /\bManyToManyField\b|\bGenericRelation\b/;

/** Django writes model names as given in `CreateModel(name="Book")` and lower-cased elsewhere: report them lower-cased. */
const model = (name: string | undefined): string | undefined => name?.toLowerCase();

function readAddField(call: MigrationCall, recorder: EffectsRecorder): void {
  const table = model(call.keyword('model_name') ?? call.text(0));
  const field = call.keyword('name') ?? call.text(1);
  if (!table) return;
  recorder.altered(table);
  const code = call.code();
  // Django columns are NOT NULL unless null=True; makemigrations writes the one-off default it asked for.
  if (!NO_COLUMN.test(code) && !/\bnull\s*=\s*True/.test(code) && !/\bdefault\s*=/.test(code)) {
    recorder.destructive(
      'not-null-without-default',
      call.line,
      `adds ${table}.${field ?? '?'} NOT NULL without a default`,
    );
  }
}

const modelOf = (call: MigrationCall): string | undefined =>
  model(call.keyword('model_name') ?? call.keyword('name') ?? call.text(0));
const ALTERING = [
  'AlterField',
  'AddIndex',
  'RemoveIndex',
  'AddConstraint',
  'RemoveConstraint',
  'AlterUniqueTogether',
  'AlterIndexTogether',
];

const OPERATIONS: Record<string, (call: MigrationCall, recorder: EffectsRecorder) => void> = {
  CreateModel(call, recorder) {
    const table = modelOf(call);
    if (table) recorder.created(table);
  },
  DeleteModel(call, recorder) {
    const table = modelOf(call);
    if (table) recorder.dropped(table, call.line);
  },
  AddField: readAddField,
  RemoveField(call, recorder) {
    const table = model(call.keyword('model_name') ?? call.text(0));
    if (!table) return;
    recorder.altered(table);
    recorder.destructive(
      'drop-column',
      call.line,
      `drops column ${table}.${call.keyword('name') ?? call.text(1) ?? '?'}`,
    );
  },
  RenameField(call, recorder) {
    const table = model(call.keyword('model_name') ?? call.text(0));
    const from = call.keyword('old_name') ?? call.text(1);
    const to = call.keyword('new_name') ?? call.text(2);
    if (table && from && to)
      recorder.destructive('rename-column', call.line, `renames column ${table}.${from} to ${to}`);
  },
  RenameModel(call, recorder) {
    const from = model(call.keyword('old_name') ?? call.text(0));
    const to = model(call.keyword('new_name') ?? call.text(1));
    if (from && to) recorder.destructive('rename-table', call.line, `renames table ${from} to ${to}`);
  },
  RunSQL(call, recorder) {
    const sql = call.keyword('sql') ?? call.text(0);
    if (sql) readSqlEffects(sql, call.line, recorder);
  },
  ...Object.fromEntries(
    ALTERING.map((name) => [
      name,
      (call: MigrationCall, recorder: EffectsRecorder) => {
        const table = modelOf(call);
        if (table) recorder.altered(table);
      },
    ]),
  ),
};

function readOperation(call: MigrationCall, recorder: EffectsRecorder): void {
  OPERATIONS[call.name]?.(call, recorder);
}

/** Django migrations: `migrations.CreateModel`, `AddField`, `RemoveField`, `RenameField`, `RunSQL`… in `operations`. */
export const readDjangoMigration: MigrationReader = (change, recorder, touched) => {
  const side = change.newSide();
  for (const call of readMigrationCalls(side, 'python', OPERATION, touched)) readOperation(call, recorder);
};
