import type { FactCache } from '../../code/fact-cache.js';
import type { FileChange } from '../../code/file-change.js';
import { detectMigrationTool, type MigrationFileKind } from '../../code/migration-path.js';
import type { SourceSide } from '../../code/source-side.js';
import { loadSqlParsers } from '../../code/sql/load-sql-parsers.js';
import { dialectOfDatabase, type SqlDialect } from '../../code/sql/sql-dialect.js';
import type { Migration } from '../change-analysis.js';
import type { MigrationOperation } from '../migration-operation.js';
import { existingIndexes, migrationFolders } from './existing-indexes.js';
import { readLiquibaseOperations } from './liquibase-migration.js';
import { placeOperations } from './place-operations.js';
import { readPrismaSchemaOperations } from './prisma-schema-migration.js';
import { readSqlOperations } from './sql/read-sql-operations.js';
import { readMigrationSide, type MigrationSide } from './read-migration-side.js';
import { summarizeOperations } from './summarize-operations.js';

export interface MigrationInput {
  changes: readonly FileChange[];
  head: SourceSide;
  base: SourceSide;
  cache: FactCache;
  languageOf(project: string): string | undefined;
  /** Canonical database names discovery found for a project (`postgresql`, `mysql`…). */
  databasesOf(project: string): readonly string[];
}

const NONE: MigrationSide = { operations: [], rollback: false };

/** The one SQL dialect a project's databases speak, when there is exactly one. */
function dialectOf(databases: readonly string[]): SqlDialect | undefined {
  const dialects = [...new Set(databases.flatMap((database) => dialectOfDatabase(database) ?? []))];
  return dialects.length === 1 ? dialects[0] : undefined;
}

/** The key an operation is matched by across the two sides: everything but its line. */
function identity(operation: MigrationOperation): string {
  const { line: _line, text, ...rest } = operation;
  return JSON.stringify({ ...rest, ...(text ? { text: text.replace(/\s+/g, ' ') } : {}) });
}

/** Operations of `from` that `other` has not (as many times), in `from`'s order. */
function difference(
  from: readonly MigrationOperation[],
  other: readonly MigrationOperation[],
): MigrationOperation[] {
  const counts = new Map<string, number>();
  for (const operation of other) counts.set(identity(operation), (counts.get(identity(operation)) ?? 0) + 1);
  return from.filter((operation) => {
    const key = identity(operation);
    const left = counts.get(key) ?? 0;
    if (left > 0) counts.set(key, left - 1);
    return left === 0;
  });
}

function changeOf(change: FileChange): Migration['change'] {
  if (change.file.status === 'added' || change.file.status === 'copied') return 'added';
  return change.file.status === 'removed' ? 'removed' : 'modified';
}

/** A JavaScript migration says by its calls which tool runs it; a plain SQL file may carry goose or dbmate markers. */
function refineTool(tool: string, text: string, receivers: readonly string[]): string {
  if (tool === 'sql') {
    if (/^--\s*\+goose\b/m.test(text)) return 'goose';
    if (/^--\s*migrate:(up|down)\b/m.test(text)) return 'dbmate';
  }
  if (tool !== 'javascript') return tool;
  const has = (pattern: RegExp): boolean => receivers.some((receiver) => pattern.test(receiver));
  if (has(/queryRunner/)) return 'typeorm';
  if (has(/queryInterface|sequelize/i)) return 'sequelize';
  if (has(/^pgm$/)) return 'node-pg-migrate';
  if (has(/knex/i)) return 'knex';
  return 'javascript';
}

/** The rollback file beside an up file: `x.up.sql` → `x.down.sql`, `up.sql` → `down.sql`, Flyway `V3__x.sql` → `U3__x.sql`. */
function rollbackFileOf(path: string): string | undefined {
  if (/\.up\.sql$/i.test(path)) return path.replace(/\.up\.sql$/i, '.down.sql');
  if (/(^|\/)up\.sql$/.test(path)) return path.replace(/up\.sql$/, 'down.sql');
  if (/(^|\/)V(\d[^/]*__[^/]+\.sql)$/.test(path))
    return path.replace(/(^|\/)V(\d[^/]*__[^/]+\.sql)$/, '$1U$2');
  return undefined;
}

interface Read {
  side: MigrationSide;
  operations: MigrationOperation[];
  removed: MigrationOperation[];
}

/** The operations the PR makes a migration do: a new file's all, an edited one's new ones (a formatting-only edit has none). */
function readFile(
  change: FileChange,
  kind: MigrationFileKind,
  dialect: SqlDialect,
  input: MigrationInput,
): Read {
  const sql = (text: string, line: number): MigrationOperation[] => readSqlOperations(text, dialect, line);
  if (kind.format === 'prisma-schema')
    return { side: NONE, operations: readPrismaSchemaOperations(change), removed: [] };
  if (kind.format === 'liquibase') {
    const { operations, rollback } = readLiquibaseOperations(change, sql);
    return { side: { operations, rollback }, operations, removed: [] };
  }
  const path = change.file.path;
  const text =
    input.head.read(path) ??
    change
      .newSide()
      .lines.map((line) => line.text)
      .join('\n');
  const head = readMigrationSide({ path, text, format: kind.format }, dialect, input.cache);
  const oldPath = change.file.previousPath ?? path;
  const oldText = change.file.status === 'added' ? undefined : input.base.read(oldPath);
  const base =
    oldText === undefined
      ? NONE
      : readMigrationSide({ path: oldPath, text: oldText, format: kind.format }, dialect, input.cache);
  return {
    side: head,
    operations: difference(head.operations, base.operations),
    removed: difference(base.operations, head.operations),
  };
}

function extractOne(change: FileChange, kind: MigrationFileKind, input: MigrationInput): Migration {
  const dialect = dialectOf(input.databasesOf(change.project));
  const base: Migration = {
    tool: kind.tool,
    file: change.file.path,
    project: change.project,
    change: changeOf(change),
    direction: kind.direction,
    ...(dialect ? { dialect } : {}),
    operations: [],
    removedOperations: [],
    tablesCreated: [],
    tablesAltered: [],
    tablesDropped: [],
    destructive: [],
  };
  if (kind.direction === 'down' || change.file.status === 'removed') return base;
  const read = readFile(change, kind, dialect ?? 'postgresql', input);
  const text = input.head.read(change.file.path) ?? '';
  const rollbackFile = rollbackFileOf(change.file.path);
  const reversible =
    read.side.rollback ||
    (rollbackFile !== undefined &&
      (input.head.has(rollbackFile) || input.head.read(rollbackFile) !== undefined));
  return {
    ...base,
    tool: refineTool(kind.tool, text, read.side.receivers ?? []),
    operations: read.operations.map((operation) => ({ ...operation })),
    removedOperations: read.removed,
    ...(reversible ? { reversible } : {}),
    ...(read.side.unreadable ? { unreadable: true } : {}),
  };
}

/**
 * Reads the migrations a pull request adds or edits into operations, once each: SQL through
 * a real SQL parser in the project's dialect, migrations in code through their syntax trees.
 * Each operation then learns what the rest of the PR and the existing schema say about it,
 * and the tables and destructive steps the report lists are read from the operations.
 */
export async function extractMigrations(input: MigrationInput): Promise<Migration[]> {
  const found = input.changes.flatMap((change) => {
    const kind = detectMigrationTool(change.file.path, input.languageOf(change.project));
    return kind ? [{ change, kind }] : [];
  });
  if (found.length === 0) return [];
  await loadSqlParsers(found.flatMap(({ change }) => dialectOf(input.databasesOf(change.project)) ?? []));
  const migrations = found.map(({ change, kind }) => extractOne(change, kind, input));
  const changed = new Set(input.changes.map((change) => change.file.path));
  placeOperations(migrations, (project, tables) => {
    const own = migrations.filter((migration) => migration.project === project);
    const dialect = dialectOf(input.databasesOf(project)) ?? 'postgresql';
    const folders = migrationFolders(own.map((migration) => migration.file));
    return existingIndexes(
      { head: input.head, cache: input.cache, folders, project, dialect, changed },
      tables,
    );
  });
  return migrations.map((migration) => ({ ...migration, ...summarizeOperations(migration.operations) }));
}
