import type { MigrationReader } from './migration-reader.js';
import { readMigrationCalls, type MigrationCall } from './migration-calls.js';
import type { EffectsRecorder } from './migration-effects.js';
import { readSqlEffects } from './read-sql-effects.js';

const CALL = /\bmigrationBuilder\s*\.\s*(\w+)\s*(?:<[^>(]*>)?\s*\(/g;

function readCall(call: MigrationCall, recorder: EffectsRecorder): void {
  const name = call.keyword('name') ?? call.text(0);
  const table = call.keyword('table') ?? name;
  const line = call.line;
  const code = call.code();
  switch (call.name) {
    case 'CreateTable':
      if (name) recorder.created(name);
      break;
    case 'DropTable':
      if (name) recorder.dropped(name, line);
      break;
    case 'AddColumn':
      if (!table) break;
      recorder.altered(table);
      if (
        /\bnullable\s*:\s*false/.test(code) &&
        !/\bdefaultValue(Sql)?\s*:|\bcomputedColumnSql\s*:/.test(code)
      ) {
        recorder.destructive(
          'not-null-without-default',
          line,
          `adds ${table}.${name ?? '?'} NOT NULL without a default`,
        );
      }
      break;
    case 'DropColumn':
      if (!table) break;
      recorder.altered(table);
      recorder.destructive('drop-column', line, `drops column ${table}.${name ?? '?'}`);
      break;
    case 'RenameColumn':
      if (!table) break;
      recorder.altered(table);
      recorder.destructive(
        'rename-column',
        line,
        `renames column ${table}.${name ?? '?'} to ${call.keyword('newName') ?? '?'}`,
      );
      break;
    case 'RenameTable':
      if (name)
        recorder.destructive(
          'rename-table',
          line,
          `renames table ${name} to ${call.keyword('newName') ?? '?'}`,
        );
      break;
    case 'AlterColumn':
      readAlterColumn(call, table, name, recorder);
      break;
    case 'Sql': {
      const sql = call.keyword('sql') ?? call.text(0);
      if (sql) readSqlEffects(sql, line, recorder);
      break;
    }
    default:
      if (
        /^(Create|Drop)Index$|^(Add|Drop)(ForeignKey|PrimaryKey|UniqueConstraint|CheckConstraint)$/.test(
          call.name,
        ) &&
        call.keyword('table')
      ) {
        recorder.altered(call.keyword('table') ?? '');
      }
  }
}

/** EF Core writes both sides of an AlterColumn: `type:`/`oldType:`, `nullable:`/`oldNullable:`. */
function readAlterColumn(
  call: MigrationCall,
  table: string | undefined,
  column: string | undefined,
  recorder: EffectsRecorder,
): void {
  if (!table) return;
  recorder.altered(table);
  const type = call.keyword('type');
  const oldType = call.keyword('oldType');
  if (type !== undefined && type !== oldType) {
    const from = oldType ? ` from ${oldType}` : '';
    recorder.destructive(
      'column-type-change',
      call.line,
      `changes the type of ${table}.${column ?? '?'}${from} to ${type}`,
    );
  }
  if (
    call.keywordCode('nullable') === 'false' &&
    call.keywordCode('oldNullable') === 'true' &&
    !/\bdefaultValue(Sql)?\s*:/.test(call.code())
  ) {
    recorder.destructive(
      'not-null-without-default',
      call.line,
      `sets ${table}.${column ?? '?'} NOT NULL (existing NULLs fail)`,
    );
  }
}

/** EF Core `Migrations/*.cs`: `migrationBuilder.*` calls in `Up`, not `Down`. */
export const readEfCoreMigration: MigrationReader = (change, recorder, touched) => {
  const side = change.newSide();
  for (const call of readMigrationCalls(side, 'csharp', CALL, touched)) readCall(call, recorder);
};
