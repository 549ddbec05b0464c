import type { SqlStatement } from '../../../code/sql/read-sql-statements.js';
import { actionLines, lineOfLocation } from '../../../code/sql/statement-lines.js';
import type { AlterTableCmd, Constraint } from '../../../code/sql/postgres-tree.js';
import type { MigrationOperation } from '../../migration-operation.js';
import { columnOperations, constraintOperation, names, tableName, typeText } from './postgres-columns.js';

type Reader = (statement: SqlStatement, line: number) => MigrationOperation[];

function readCreateTable(statement: SqlStatement, line: number): MigrationOperation[] {
  if (!statement.postgres || !('CreateStmt' in statement.postgres)) return [];
  const create = statement.postgres.CreateStmt;
  const table = tableName(create.relation);
  if (!table) return [];
  const columns: string[] = [];
  const constraints: MigrationOperation[] = [];
  for (const element of create.tableElts ?? []) {
    if ('ColumnDef' in element) {
      const column = element.ColumnDef;
      if (column.colname) columns.push(column.colname);
      const at = lineOfLocation(statement, column.location);
      for (const operation of columnOperations(table, column, at).slice(1)) constraints.push(operation);
    } else if ('Constraint' in element) {
      const operation = constraintOperation(
        table,
        element.Constraint,
        lineOfLocation(statement, element.Constraint.location),
      );
      if (operation) constraints.push(operation);
    }
  }
  return [{ kind: 'create-table', line, table, columns }, ...constraints];
}

function alterCommand(
  table: string,
  command: AlterTableCmd,
  line: number,
  statement: SqlStatement,
): MigrationOperation[] {
  const column = command.name;
  const def = command.def;
  switch (command.subtype) {
    case 'AT_AddColumn':
      return def && 'ColumnDef' in def ? columnOperations(table, def.ColumnDef, line) : [];
    case 'AT_DropColumn':
      return [{ kind: 'drop-column', line, table, ...(column ? { column } : {}) }];
    case 'AT_AlterColumnType': {
      const type = def && 'ColumnDef' in def ? typeText(def.ColumnDef.typeName, statement) : undefined;
      return [{ kind: 'change-type', line, table, ...(column ? { column } : {}), ...(type ? { type } : {}) }];
    }
    case 'AT_SetNotNull':
      return [{ kind: 'set-not-null', line, table, ...(column ? { column } : {}) }];
    case 'AT_DropNotNull':
      return [{ kind: 'drop-not-null', line, table, ...(column ? { column } : {}) }];
    case 'AT_ColumnDefault':
      return [{ kind: def ? 'set-default' : 'drop-default', line, table, ...(column ? { column } : {}) }];
    case 'AT_AddConstraint': {
      const operation =
        def && 'Constraint' in def ? constraintOperation(table, def.Constraint, line) : undefined;
      return operation ? [operation] : [];
    }
    case 'AT_ValidateConstraint':
      return [{ kind: 'validate-constraint', line, table, ...(column ? { name: column } : {}) }];
    case 'AT_DropConstraint':
      return [{ kind: 'drop-constraint', line, table, ...(column ? { name: column } : {}) }];
    default:
      return [];
  }
}

/** The line of each action: its own location when the tree has one, else where the scanner saw it start. */
function commandLine(
  command: AlterTableCmd,
  index: number,
  lines: number[],
  statement: SqlStatement,
): number {
  const def = command.def;
  if (def && 'ColumnDef' in def && def.ColumnDef.location !== undefined)
    return lineOfLocation(statement, def.ColumnDef.location);
  if (def && 'Constraint' in def && (def.Constraint as Constraint).location !== undefined)
    return lineOfLocation(statement, def.Constraint.location);
  return lines[index] ?? statement.line;
}

const readAlterTable: Reader = (statement) => {
  if (!statement.postgres || !('AlterTableStmt' in statement.postgres)) return [];
  const alter = statement.postgres.AlterTableStmt;
  const table = tableName(alter.relation);
  if (!table || (alter.objtype && alter.objtype !== 'OBJECT_TABLE')) return [];
  const commands = (alter.cmds ?? []).flatMap((node) =>
    'AlterTableCmd' in node ? [node.AlterTableCmd] : [],
  );
  const lines = commands.length > 1 ? actionLines(statement) : [];
  return commands.flatMap((command, index) =>
    alterCommand(table, command, commandLine(command, index, lines, statement), statement),
  );
};

const readRename: Reader = (statement, line) => {
  if (!statement.postgres || !('RenameStmt' in statement.postgres)) return [];
  const rename = statement.postgres.RenameStmt;
  const table = tableName(rename.relation);
  if (!table || !rename.newname) return [];
  if (rename.renameType === 'OBJECT_TABLE')
    return [{ kind: 'rename-table', line, table, to: rename.newname }];
  if (rename.renameType === 'OBJECT_COLUMN' && rename.subname)
    return [{ kind: 'rename-column', line, table, column: rename.subname, to: rename.newname }];
  return [];
};

const readIndex: Reader = (statement, line) => {
  if (!statement.postgres || !('IndexStmt' in statement.postgres)) return [];
  const index = statement.postgres.IndexStmt;
  const table = tableName(index.relation);
  if (!table) return [];
  // An expression (`lower(email)`) leads no column a foreign key could use.
  const columns = (index.indexParams ?? []).map((node) =>
    'IndexElem' in node ? (node.IndexElem.name ?? '(expression)') : '(expression)',
  );
  return [
    {
      kind: 'create-index',
      line,
      table,
      columns,
      ...(index.idxname ? { name: index.idxname } : {}),
      ...(index.unique ? { unique: true } : {}),
      ...(index.concurrent ? { concurrently: true } : {}),
    },
  ];
};

const DROPPED: Readonly<Record<string, MigrationOperation['kind']>> = {
  OBJECT_TABLE: 'drop-table',
  OBJECT_INDEX: 'drop-index',
  OBJECT_SCHEMA: 'drop-schema',
};

const readDrop: Reader = (statement, line) => {
  if (!statement.postgres || !('DropStmt' in statement.postgres)) return [];
  const drop = statement.postgres.DropStmt;
  const kind = DROPPED[drop.removeType ?? ''];
  if (!kind) return [];
  return (drop.objects ?? []).flatMap((object): MigrationOperation[] => {
    const parts = 'List' in object ? names(object.List.items) : 'String' in object ? names([object]) : [];
    if (parts.length === 0) return [];
    const name = parts.join('.');
    if (kind === 'drop-index')
      return [{ kind, line, name, ...(drop.concurrent ? { concurrently: true } : {}) }];
    return [kind === 'drop-schema' ? { kind, line, name } : { kind, line, table: name }];
  });
};

const readData: Reader = (statement, line) => {
  const node = statement.postgres;
  if (!node) return [];
  if ('TruncateStmt' in node)
    return (node.TruncateStmt.relations ?? []).flatMap((relation) => {
      const table = 'RangeVar' in relation ? tableName(relation.RangeVar) : undefined;
      return table ? [{ kind: 'truncate' as const, line, table }] : [];
    });
  if ('DeleteStmt' in node && !node.DeleteStmt.whereClause) {
    const table = tableName(node.DeleteStmt.relation);
    return table ? [{ kind: 'delete-all-rows', line, table }] : [];
  }
  if ('UpdateStmt' in node) {
    const table = tableName(node.UpdateStmt.relation);
    if (!table) return [];
    return [{ kind: node.UpdateStmt.whereClause ? 'copy-data' : 'update-all-rows', line, table }];
  }
  if ('InsertStmt' in node && node.InsertStmt.selectStmt) {
    const select = node.InsertStmt.selectStmt;
    const fromRows = 'SelectStmt' in select && (select.SelectStmt.fromClause?.length ?? 0) > 0;
    const table = tableName(node.InsertStmt.relation);
    return fromRows && table ? [{ kind: 'copy-data', line, table }] : [];
  }
  return [];
};

const READERS: readonly Reader[] = [
  readCreateTable,
  readAlterTable,
  readRename,
  readIndex,
  readDrop,
  readData,
];

/** The operations of one statement PostgreSQL's parser read. */
export function readPostgresOperations(statement: SqlStatement): MigrationOperation[] {
  return READERS.flatMap((read) => read(statement, statement.line));
}
