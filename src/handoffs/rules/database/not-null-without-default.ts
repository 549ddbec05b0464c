import type { DiffLine } from '../../../code/diff/changed-file.js';
import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import { addedRuns, type ReviewedFile } from '../../review-engine/reviewed-file.js';
import { statementGroups } from '../../review-engine/statement-groups.js';
import { isMigrationFile, isSqlFile, usesOnlyMysql } from './migration-files.js';

/** A statement: its text (lines joined) and first line. */
interface Statement {
  text: string;
  line: number;
}

function sqlStatements(file: ReviewedFile): Statement[] {
  const statements: Statement[] = [];
  let current: DiffLine[] = [];
  for (const line of file.added) {
    if (/^\s*--/.test(line.text)) continue;
    current.push(line);
    if (/;\s*(?:--.*)?$/.test(line.text)) {
      statements.push({
        text: current.map((part) => part.text).join('\n'),
        line: current[0]?.line ?? line.line,
      });
      current = [];
    }
  }
  if (current.length > 0)
    statements.push({ text: current.map((part) => part.text).join('\n'), line: current[0]?.line ?? 0 });
  return statements;
}

function dslStatements(file: ReviewedFile): Statement[] {
  return addedRuns(file).flatMap((run) =>
    statementGroups(file, run).map((group) => ({
      text: group.map((line) => line.text).join('\n'),
      line: group[0]?.line ?? 0,
    })),
  );
}

/** Tables the migration itself creates: adding NOT NULL columns to them is safe. */
function createdTables(file: ReviewedFile): Set<string> {
  const created = new Set<string>();
  for (const line of file.added) {
    const name =
      /\bCREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?["`[]?(?:\w+["`\]]?\.["`[]?)?(\w+)/i.exec(
        line.text,
      )?.[1] ??
      /\bcreate_table\s+[:"'](\w+)/.exec(line.text)?.[1] ??
      /\bcreate\s+table\(\s*:(\w+)/.exec(line.text)?.[1] ??
      /\bop\.create_table\(\s*['"](\w+)/.exec(line.text)?.[1];
    if (name) created.add(name.toLowerCase());
  }
  return created;
}

const ALTER_ADD =
  /\bALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?["`[]?(?:\w+["`\]]?\.["`[]?)?(\w+)["`\]]?([\s\S]*)/i;
/** DSL calls that add a column to an existing table: table name in group 1, options after. */
const DSL_ADD = [
  /\badd_column\s+:(\w+),([^\n]*)/, // Rails
  /\bop\.add_column\(\s*['"](\w+)['"]([\s\S]*)/, // Alembic
  /\baddColumn\(\s*['"](\w+)['"]([\s\S]*)/, // Sequelize
  /\bAddColumn<[^>]+>\(([\s\S]*?table:\s*"(\w+)"[\s\S]*)/, // EF Core (table named inside)
];
const NOT_NULL_OPTION =
  /\bnull:\s*false\b|\bnullable\s*=\s*False\b|\ballowNull:\s*false\b|\bnullable:\s*false\b/;
const DEFAULT_OPTION = /\bdefault(?:Value)?\s*[:=]|\bserver_default\s*=|\bdefaultValue(?:Sql)?:/;

function sqlHits(file: ReviewedFile, created: Set<string>): RuleHit[] {
  const hits: RuleHit[] = [];
  const backfilled = file.added.some((line) => /\bUPDATE\s+["`\w.]+\s+SET\b/i.test(line.text));
  for (const statement of sqlStatements(file)) {
    const alter = ALTER_ADD.exec(statement.text);
    if (!alter || created.has((alter[1] ?? '').toLowerCase())) continue;
    const clauses = (alter[2] ?? '').split(/,\s*(?=ADD\b|ALTER\b)/i);
    const addsNotNull = clauses.some(
      (clause) =>
        /^\s*ADD\b(?!\s+(?:CONSTRAINT|INDEX|PRIMARY|FOREIGN|UNIQUE))/i.test(clause) &&
        /\bNOT\s+NULL\b/i.test(clause) &&
        !/\bDEFAULT\b/i.test(clause),
    );
    const setsNotNull = clauses.some((clause) => /\bSET\s+NOT\s+NULL\b/i.test(clause));
    if (addsNotNull) hits.push({ line: statement.line });
    else if (setsNotNull && !backfilled) {
      hits.push({
        line: statement.line,
        severity: 'medium',
        explanation:
          '`SET NOT NULL` fails (after a full-table scan under lock) if any existing row holds NULL, and nothing backfills them first.',
      });
    }
  }
  return hits;
}

function dslHits(file: ReviewedFile, created: Set<string>): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const statement of dslStatements(file)) {
    for (const pattern of DSL_ADD) {
      const match = pattern.exec(statement.text);
      if (!match) continue;
      const efCore = pattern.source.startsWith('\\bAddColumn<');
      const table = (efCore ? match[2] : match[1]) ?? '';
      const options = efCore ? (match[1] ?? '') : (match[2] ?? '');
      if (
        !created.has(table.toLowerCase()) &&
        NOT_NULL_OPTION.test(options) &&
        !DEFAULT_OPTION.test(options)
      ) {
        hits.push({ line: statement.line });
      }
    }
  }
  return hits;
}

/** Blocks that change an existing table (Laravel `Schema::table`, Knex `alterTable`, Ecto `alter table`) versus creating one. */
const ALTER_BLOCK = /Schema::table\(|\.alterTable\(|\.table\(\s*['"]|^\s*alter\s+table\(/;
const CREATE_BLOCK = /Schema::create\(|\.createTable\(|^\s*create\s+(?:table|table_if_not_exists)\(/;
const LARAVEL_COLUMN =
  /\$table->(?:string|char|text|mediumText|longText|integer|bigInteger|smallInteger|tinyInteger|unsignedBigInteger|unsignedInteger|boolean|decimal|float|double|date|dateTime|dateTimeTz|time|timestamp|timestampTz|year|uuid|ulid|json|jsonb|enum|binary|foreignId|foreignUuid)\(/;
/** A column added inside an alter block that is NOT NULL with no default, per DSL. */
function requiredColumnWithoutDefault(text: string): boolean {
  if (LARAVEL_COLUMN.test(text)) return !/->(?:nullable|default|useCurrent|change)\(/.test(text);
  if (/\btable\.\w+\(\s*['"]\w+['"]/.test(text))
    return /\.notNullable\(\)/.test(text) && !/\.defaultTo\(/.test(text);
  if (/^\s*add\s+:\w+/.test(text)) return /\bnull:\s*false\b/.test(text) && !/\bdefault:/.test(text);
  return false;
}

function alterBlockHits(file: ReviewedFile): RuleHit[] {
  const hits: RuleHit[] = [];
  let altering = false;
  for (const line of file.added) {
    if (ALTER_BLOCK.test(line.text)) altering = true;
    else if (CREATE_BLOCK.test(line.text)) altering = false;
    else if (altering && requiredColumnWithoutDefault(line.text)) hits.push({ line: line.line });
  }
  return hits;
}

export const notNullWithoutDefault: ReviewRule = {
  id: 'database/not-null-without-default',
  severity: 'high',
  title: 'NOT NULL column added to an existing table without a default',
  explanation:
    'Adding a NOT NULL column without a default fails on a table that has rows (or forces a rewrite under lock), so the deploy breaks in production but not on an empty dev database.',
  fix: {
    default:
      'Add the column as nullable (or with a DEFAULT), backfill existing rows in batches, then add the NOT NULL constraint in a later migration.',
    ruby: 'Use `add_column :t, :c, :type, default: …, null: false`, or add it nullable, backfill, then `change_column_null :t, :c, false`.',
    python:
      'Pass `server_default=…` to the column, or add it `nullable=True`, backfill, and alter it to `nullable=False` afterwards.',
    javascript:
      'Add `defaultValue` (Sequelize) / `.defaultTo(…)` (Knex), or add the column nullable, backfill, then alter it.',
    csharp:
      'Give `AddColumn` a `defaultValue:` (or `defaultValueSql:`), or add it nullable, backfill, then make it required.',
    elixir: 'Add `default: …` to `add`, or add it nullable, backfill, then `modify :c, :type, null: false`.',
    php: 'Chain `->default(…)` or `->nullable()` on the new column, backfill, then make it required with `->change()`.',
  },
  check(file, { context }) {
    if (!isMigrationFile(file) || usesOnlyMysql(context.databases)) return [];
    const created = createdTables(file);
    return isSqlFile(file)
      ? sqlHits(file, created)
      : [...sqlHits(file, created), ...dslHits(file, created), ...alterBlockHits(file)];
  },
};
