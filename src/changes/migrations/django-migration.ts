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

function readOperation(call: MigrationCall, recorder: EffectsRecorder): void {
  const line = call.line;
  const table = model(call.keyword('model_name') ?? call.keyword('name') ?? call.text(0));
  switch (call.name) {
    case 'CreateModel':
      if (table) recorder.created(table);
      break;
    case 'DeleteModel':
      if (table) recorder.dropped(table, line);
      break;
    case 'AddField':
      readAddField(call, recorder);
      break;
    case 'RemoveField': {
      const modelName = model(call.keyword('model_name') ?? call.text(0));
      if (!modelName) break;
      recorder.altered(modelName);
      recorder.destructive(
        'drop-column',
        line,
        `drops column ${modelName}.${call.keyword('name') ?? call.text(1) ?? '?'}`,
      );
      break;
    }
    case 'AlterField':
    case 'AddIndex':
    case 'RemoveIndex':
    case 'AddConstraint':
    case 'RemoveConstraint':
    case 'AlterUniqueTogether':
    case 'AlterIndexTogether': {
      const modelName = model(call.keyword('model_name') ?? call.keyword('name') ?? call.text(0));
      if (modelName) recorder.altered(modelName);
      break;
    }
    case 'RenameField': {
      const modelName = model(call.keyword('model_name') ?? call.text(0));
      const from = call.keyword('old_name') ?? call.text(1);
      const to = call.keyword('new_name') ?? call.text(2);
      if (modelName && from && to)
        recorder.destructive('rename-column', line, `renames column ${modelName}.${from} to ${to}`);
      break;
    }
    case 'RenameModel': {
      const from = model(call.keyword('old_name') ?? call.text(0));
      const to = model(call.keyword('new_name') ?? call.text(1));
      if (from && to) recorder.destructive('rename-table', line, `renames table ${from} to ${to}`);
      break;
    }
    case 'RunSQL': {
      const sql = call.keyword('sql') ?? call.text(0);
      if (sql) readSqlEffects(sql, line, recorder);
      break;
    }
  }
}

/** Django migrations: `migrations.CreateModel`, `AddField`, `RemoveField`, `RenameField`, `RunSQL`… in `operations`. */
export const readDjangoMigration: MigrationReader = (change, recorder, touched) => {
  const side = change.newSide();
  for (const call of readMigrationCalls(side, 'python', OPERATION, touched)) readOperation(call, recorder);
};
