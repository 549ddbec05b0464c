import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import type { ReviewedFile } from '../../review-engine/reviewed-file.js';
import { isMigrationFile, usesOnlyMysql } from '../database/migration-files.js';

/** Ways migrations declare a foreign-key column; group 1 is the column. */
const FOREIGN_KEY = [
  /\bFOREIGN\s+KEY\s*\(\s*["`[]?(\w+)["`\]]?\s*\)/i,
  /^\s*(?:ADD\s+(?:COLUMN\s+)?)?["`[]?(\w+)["`\]]?\s+\w+(?:\([^)]*\))?(?:\s+(?:NOT\s+NULL|NULL|DEFAULT\s+\S+))*\s+REFERENCES\b/i,
  /\bADD\s+(?:COLUMN\s+)?["`[]?(\w+)["`\]]?\s+[^,;]*?\bREFERENCES\b/i,
  /\badd_reference\s+:\w+,\s*:(\w+)(?=.*index:\s*false)/, // Rails, explicitly without an index: the column is `<name>_id`
  /\bt\.references\s+:(\w+)(?=.*index:\s*false)/,
  /sa\.Column\(\s*['"](\w+)['"][^)]*sa\.ForeignKey\((?!.*index\s*=\s*True)/, // Alembic
  /\.(?:integer|bigInteger|bigint|uuid|string)\(\s*['"](\w+)['"]\s*\)(?!.*\.index\(\)).*\.references\(/, // Knex
  /\btable\.foreign\(\s*['"](\w+)['"]/, // Knex
  /\$table->foreign(?:Id|Uuid)?\(\s*['"](\w+)['"]\s*\)(?!.*->index\(\))/, // Laravel
  /^\s*add\s+:(\w+),\s*references\(/, // Ecto
];

/** Ways migrations index a column; group 1 is the first indexed column. */
const INDEX = [
  /\bCREATE\s+(?:UNIQUE\s+)?INDEX\b[^;]*?\bON\s+[\w."`[\]]+\s*(?:USING\s+\w+\s*)?\(\s*["`[]?(\w+)/i,
  /\b(?:PRIMARY\s+KEY|UNIQUE)\s*\(\s*["`[]?(\w+)/i,
  /\badd_index\s+:\w+,\s*\[?\s*:(\w+)/,
  /\bt\.index\s+\[?\s*:(\w+)/,
  /op\.create_index\([^,]*,\s*['"]\w+['"]\s*,\s*\[\s*['"](\w+)['"]/,
  /\.index\(\s*\[?\s*['"](\w+)['"]/,
  /\$table->(?:index|unique|primary)\(\s*\[?\s*['"](\w+)['"]/,
  /create\s+(?:unique_)?index\(\s*:\w+,\s*\[\s*:(\w+)/,
];

function columnsMatching(
  file: ReviewedFile,
  patterns: readonly RegExp[],
): { column: string; line: number }[] {
  const found: { column: string; line: number }[] = [];
  for (const line of file.added) {
    for (const pattern of patterns) {
      const column = pattern.exec(line.text)?.[1];
      if (!column) continue;
      const railsReference = /\b(?:add_reference|t\.references)\b/.test(line.text);
      found.push({ column: `${column.toLowerCase()}${railsReference ? '_id' : ''}`, line: line.line });
    }
  }
  return found;
}

export const foreignKeyWithoutIndex: ReviewRule = {
  id: 'performance/foreign-key-without-index',
  severity: 'medium',
  title: 'Foreign key without an index',
  explanation:
    'The new foreign-key column has no index in this migration: joins and lookups by it scan the table, and deletes on the parent table lock and scan it (PostgreSQL and SQLite do not index foreign keys for you).',
  fix: {
    default:
      'Add an index on the column in the same migration, e.g. `CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);`.',
    ruby: 'Use `add_reference`/`t.references` with the default index, or `add_index :orders, :user_id`.',
    python:
      'Add `op.create_index("ix_orders_user_id", "orders", ["user_id"])` (Alembic) or `index=True` on the column.',
    javascript: "Chain `.index()` on the column or add `table.index(['user_id'])` (Knex).",
    php: "Add `$table->index('user_id')` next to the foreign key.",
    elixir: 'Add `create index(:orders, [:user_id])` to the migration.',
  },
  check(file, { context }) {
    if (!isMigrationFile(file) || usesOnlyMysql(context.databases)) return [];
    const indexed = new Set(columnsMatching(file, INDEX).map((entry) => entry.column));
    const hits: RuleHit[] = [];
    const reported = new Set<string>();
    for (const { column, line } of columnsMatching(file, FOREIGN_KEY)) {
      if (indexed.has(column) || reported.has(column)) continue;
      reported.add(column);
      hits.push({ line, title: `Foreign key \`${column}\` without an index` });
    }
    return hits;
  },
};
