// PostgreSQL's parse-tree types, for the readers of facts: only src/code imports the parser's packages.
export type {
  AlterTableCmd,
  ColumnDef,
  Constraint,
  IndexStmt,
  Node as PostgresNode,
  RangeVar,
  TypeName,
} from '@pgsql/types';
