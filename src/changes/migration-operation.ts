/**
 * What one statement of a migration does to the schema or its data, the same whatever
 * wrote it (SQL, or a migration tool's code). The report's Database Changes and the
 * database and performance reviews all read these, so they cannot disagree.
 */
export type MigrationOperationKind =
  | 'create-table'
  | 'drop-table'
  | 'rename-table'
  | 'add-column'
  | 'drop-column'
  | 'rename-column'
  | 'change-type'
  /** A column's definition restated (Django `AlterField`) where what changes is not written down. */
  | 'alter-column'
  | 'set-not-null'
  | 'drop-not-null'
  | 'set-default'
  | 'drop-default'
  | 'create-index'
  | 'drop-index'
  | 'add-foreign-key'
  | 'add-unique'
  | 'add-check'
  | 'add-primary-key'
  | 'validate-constraint'
  | 'drop-constraint'
  | 'truncate'
  | 'delete-all-rows'
  | 'update-all-rows'
  | 'drop-schema'
  /** A step that writes rows: `UPDATE … WHERE`, `INSERT … SELECT`, Django `RunPython`, Rails `update_all` (a backfill). */
  | 'copy-data'
  /** A statement no parser could read: it is listed, never guessed at. */
  | 'raw';

export interface MigrationOperation {
  kind: MigrationOperationKind;
  /** Line in the file (the new file for the PR's operations, the old one for operations it removed). */
  line: number;
  /** The table, as written (`public.users`, `dbo.Invoices`); Django models are lower-cased like their tables. */
  table?: string;
  column?: string;
  /** The new name of a renamed table or column. */
  to?: string;
  /** A created table's columns; an index's or a constraint's columns, in order. */
  columns?: string[];
  /** The column type as written (added columns, type changes). */
  type?: string;
  /** The type before a change, when the migration says it (EF Core `oldType`, a Prisma schema's previous field). */
  previousType?: string;
  /** An added column is NOT NULL. */
  notNull?: boolean;
  /** An added column fills itself: a DEFAULT, an identity or serial, a generated or computed value. */
  hasDefault?: boolean;
  /** The NOT NULL change fills existing NULLs first (Rails `change_column_null` with a value, Liquibase `defaultNullValue`). */
  backfilled?: boolean;
  unique?: boolean;
  /** `CREATE INDEX CONCURRENTLY` and the tools' equivalents (`algorithm: :concurrently`, `postgresql_concurrently=True`). */
  concurrently?: boolean;
  /** A constraint added `NOT VALID`, to be validated later without a long lock. */
  notValid?: boolean;
  /** `ADD CONSTRAINT … UNIQUE USING INDEX name`: the constraint takes over an index built before. */
  usingIndex?: string;
  /** The index's or constraint's name. */
  name?: string;
  /** A foreign key's target. */
  references?: { table: string; columns: string[] };
  /** The tool undoes it on rollback by itself (Rails `remove_column` with the column's type, `drop_table` with its block). */
  reversible?: boolean;
  /** The statement's text, for `raw`. */
  text?: string;
}

/** The facts rules ask about an operation in the light of the whole pull request and the schema before it. */
export interface OperationContext {
  /** The table existed before this pull request (no migration of the PR creates it before this operation). */
  existingTable: boolean;
  /** For a foreign key: an index leads with its columns once every migration (the PR's and the existing ones) is applied. */
  indexed?: boolean;
  /** A later migration of the same pull request drops the table. */
  droppedLater?: boolean;
}

/** A table's name for matching: without quotes, schema or case (`public."Users"` is `users`). */
export function tableKey(table: string | undefined): string {
  return (
    (table ?? '')
      .split('.')
      .pop()
      ?.replace(/["`[\]]/g, '')
      .toLowerCase() ?? ''
  );
}
