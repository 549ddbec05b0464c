import type { SqlStatement } from '../../../code/sql/read-sql-statements.js';
import type {
  ColumnDef,
  Constraint,
  PostgresNode,
  RangeVar,
  TypeName,
} from '../../../code/sql/postgres-tree.js';
import type { MigrationOperation } from '../../migration-operation.js';

/** `schema.table` as written, without quotes. */
export function tableName(relation: RangeVar | undefined): string | undefined {
  if (!relation?.relname) return undefined;
  return relation.schemaname ? `${relation.schemaname}.${relation.relname}` : relation.relname;
}

/** The string values of a list of `String` nodes (column lists, qualified names). */
export function names(nodes: PostgresNode[] | undefined): string[] {
  return (nodes ?? []).flatMap((node) => ('String' in node && node.String.sval ? [node.String.sval] : []));
}

// PostgreSQL's internal type names, as people write them.
const TYPE_NAMES: Readonly<Record<string, string>> = {
  int2: 'smallint',
  int4: 'integer',
  int8: 'bigint',
  float4: 'real',
  float8: 'double precision',
  bool: 'boolean',
  bpchar: 'char',
  timestamptz: 'timestamptz',
};

function typeModifiers(type: TypeName): string {
  const values = (type.typmods ?? []).flatMap((node) =>
    'A_Const' in node && node.A_Const.ival ? [String(node.A_Const.ival.ival ?? 0)] : [],
  );
  return values.length > 0 ? `(${values.join(', ')})` : '';
}

/** A type as written: the parser's name, in the source's spelling when the source spells it the same way. */
export function typeText(type: TypeName | undefined, statement: SqlStatement): string | undefined {
  const parts = names(type?.names).filter((part) => part !== 'pg_catalog');
  const base = parts.join('.');
  if (!type || base === '') return undefined;
  const name = TYPE_NAMES[base] ?? base;
  const offset = (type.location ?? -1) - (statement.postgresOffset ?? 0);
  const written =
    offset >= 0
      ? Buffer.from(statement.text)
          .subarray(offset, offset + name.length)
          .toString()
      : '';
  const spelled = written.toLowerCase() === name.toLowerCase() ? written : name;
  return `${spelled}${typeModifiers(type)}${type.arrayBounds ? '[]' : ''}`;
}

/** A foreign key, unique, primary-key or check constraint on `table` (its columns given for a column constraint). */
export function constraintOperation(
  table: string,
  constraint: Constraint,
  line: number,
  columnOf?: string,
): MigrationOperation | undefined {
  const name = constraint.conname ? { name: constraint.conname } : {};
  const notValid = constraint.skip_validation ? { notValid: true } : {};
  switch (constraint.contype) {
    case 'CONSTR_FOREIGN': {
      const columns = columnOf ? [columnOf] : names(constraint.fk_attrs);
      const target = tableName(constraint.pktable);
      const references = target ? { references: { table: target, columns: names(constraint.pk_attrs) } } : {};
      return { kind: 'add-foreign-key', line, table, columns, ...name, ...notValid, ...references };
    }
    case 'CONSTR_UNIQUE':
    case 'CONSTR_PRIMARY': {
      const kind = constraint.contype === 'CONSTR_UNIQUE' ? 'add-unique' : 'add-primary-key';
      const columns = columnOf ? [columnOf] : names(constraint.keys);
      const usingIndex = constraint.indexname ? { usingIndex: constraint.indexname } : {};
      return { kind, line, table, columns, ...name, ...usingIndex };
    }
    case 'CONSTR_CHECK':
      return {
        kind: 'add-check',
        line,
        table,
        ...(columnOf ? { columns: [columnOf] } : {}),
        ...name,
        ...notValid,
      };
    default:
      return undefined;
  }
}

const SELF_FILLING = new Set(['CONSTR_DEFAULT', 'CONSTR_IDENTITY', 'CONSTR_GENERATED']);

/** An added column (`ADD COLUMN` or a column of `CREATE TABLE`), then the constraints written on it. */
export function columnOperations(table: string, column: ColumnDef, line: number): MigrationOperation[] {
  const constraints = (column.constraints ?? []).flatMap((node) =>
    'Constraint' in node ? [node.Constraint] : [],
  );
  const kinds = new Set(constraints.map((constraint) => constraint.contype));
  const serial = /serial$/i.test(names(column.typeName?.names).pop() ?? '');
  const notNull = kinds.has('CONSTR_NOTNULL') || kinds.has('CONSTR_PRIMARY');
  const hasDefault = serial || constraints.some((constraint) => SELF_FILLING.has(constraint.contype ?? ''));
  const name = column.colname ?? '?';
  const added: MigrationOperation = {
    kind: 'add-column',
    line,
    table,
    column: name,
    ...(notNull ? { notNull: true } : {}),
    ...(hasDefault ? { hasDefault: true } : {}),
  };
  const rest = constraints.flatMap((constraint) => constraintOperation(table, constraint, line, name) ?? []);
  return [added, ...rest];
}
