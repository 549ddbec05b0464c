import type { FactCache } from '../../code/fact-cache.js';
import { detectMigrationTool } from '../../code/migration-path.js';
import type { SourceSide } from '../../code/source-side.js';
import type { SqlDialect } from '../../code/sql/sql-dialect.js';
import { collectIndexes, type IndexedColumns } from './place-operations.js';
import { readMigrationSide } from './read-migration-side.js';

/** Schema dumps that hold every index of a Rails application. */
const SCHEMA_DUMPS = ['db/schema.rb', 'db/structure.sql'];

/** The folder a migration's siblings live in: its own, or its parent when each migration is a folder (Prisma, Diesel). */
function directoryOf(path: string): string {
  const parts = path.split('/');
  parts.pop();
  if (/^(migration|up|down)\.sql$/.test(path.split('/').pop() ?? '')) parts.pop();
  return parts.length === 0 ? '' : `${parts.join('/')}/`;
}

export interface ExistingIndexInput {
  /** The head side: migrations the PR did not touch are read from it. */
  head: SourceSide;
  cache: FactCache;
  /** The folders that hold the project's migrations the PR touches. */
  folders: readonly string[];
  project: string;
  dialect: SqlDialect;
  /** Paths the PR changes: their operations are the PR's, not the existing schema's. */
  changed: ReadonlySet<string>;
}

/**
 * The indexes the schema already has on `tables`: those of the project's other migrations
 * (in the folders of the migrations the PR touches) and of a Rails schema dump. A file is
 * parsed only when its text names one of the tables, so a long history costs little.
 */
export function existingIndexes(input: ExistingIndexInput, tables: ReadonlySet<string>): IndexedColumns {
  const prefix = input.project === '.' ? '' : `${input.project}/`;
  const dumps = SCHEMA_DUMPS.map((dump) => `${prefix}${dump}`).filter((path) => input.head.has(path));
  const candidates = input.head
    .list()
    .filter((path) => !input.changed.has(path) && input.folders.some((folder) => path.startsWith(folder)));
  const indexes: IndexedColumns = new Map();
  for (const path of [...new Set([...candidates, ...dumps])]) {
    const format = path.endsWith('schema.rb') ? 'rails' : detectMigrationTool(path)?.format;
    if (!format || format === 'prisma-schema' || format === 'liquibase' || /(^|[/.])down\.sql$/.test(path))
      continue;
    const text = input.head.read(path);
    const lower = text?.toLowerCase();
    if (text === undefined || ![...tables].some((table) => lower?.includes(table))) continue;
    collectIndexes(readMigrationSide({ path, text, format }, input.dialect, input.cache).operations, indexes);
  }
  return indexes;
}

/** The folder of each migration file, for finding its siblings. */
export function migrationFolders(paths: readonly string[]): string[] {
  return [...new Set(paths.map(directoryOf))];
}
