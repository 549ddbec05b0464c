import type { FactCache } from '../../code/fact-cache.js';
import type { MigrationFormat } from '../../code/migration-path.js';
import type { SqlDialect } from '../../code/sql/sql-dialect.js';
import { grammarOfPath } from '../../code/syntax/grammar.js';
import type { MigrationOperation } from '../migration-operation.js';
import { readAlembicOperations } from './code/alembic-operations.js';
import type { CallInterpreter } from './code/call-interpreter.js';
import type { CallSyntax } from './code/call-syntax.js';
import { CSHARP_CALLS } from './code/csharp-call-syntax.js';
import { readDjangoOperations } from './code/django-operations.js';
import { readEctoOperations } from './code/ecto-operations.js';
import { readEfCoreOperations } from './code/ef-core-operations.js';
import { ELIXIR_CALLS } from './code/elixir-call-syntax.js';
import { JAVASCRIPT_CALLS } from './code/javascript-call-syntax.js';
import { readJavascriptOperations } from './code/javascript-operations.js';
import { readLaravelOperations } from './code/laravel-operations.js';
import { PHP_CALLS } from './code/php-call-syntax.js';
import { PYTHON_CALLS } from './code/python-call-syntax.js';
import { readRailsOperations } from './code/rails-operations.js';
import { readMigrationCalls } from './code/read-migration-calls.js';
import { RUBY_CALLS } from './code/ruby-call-syntax.js';
import { readSqlOperations, sqlHasRollback } from './sql/read-sql-operations.js';

/** What one side of a migration file does, and whether it says how to undo it. */
export interface MigrationSide {
  operations: MigrationOperation[];
  /** A rollback step that does something: a `down` function, a goose/dbmate down section. */
  rollback: boolean;
  /** Receivers of its calls (`queryRunner`, `queryInterface`, `knex`): which JavaScript tool wrote it. */
  receivers?: string[];
  /** The file could not be parsed. */
  unreadable?: boolean;
}

type CodeFormat = Exclude<MigrationFormat, 'sql' | 'prisma-schema' | 'liquibase'>;

const CODE_FORMATS: Readonly<Record<CodeFormat, { syntax: CallSyntax; interpret: CallInterpreter }>> = {
  alembic: { syntax: PYTHON_CALLS, interpret: readAlembicOperations },
  django: { syntax: PYTHON_CALLS, interpret: readDjangoOperations },
  rails: { syntax: RUBY_CALLS, interpret: readRailsOperations },
  laravel: { syntax: PHP_CALLS, interpret: readLaravelOperations },
  javascript: { syntax: JAVASCRIPT_CALLS, interpret: readJavascriptOperations },
  'ef-core': { syntax: CSHARP_CALLS, interpret: readEfCoreOperations },
  ecto: { syntax: ELIXIR_CALLS, interpret: readEctoOperations },
};

/** True for the formats read from a syntax tree. */
export function isCodeFormat(format: MigrationFormat): format is CodeFormat {
  return format in CODE_FORMATS;
}

/**
 * Reads one side of a migration file (SQL, or a tool's code through its syntax tree) into
 * operations, once per content: the facts are cached, so an unchanged file read for both
 * sides, or again for the schema before the PR, is parsed once.
 */
export function readMigrationSide(
  file: { path: string; text: string; format: MigrationFormat },
  dialect: SqlDialect,
  cache: FactCache,
): MigrationSide {
  const sql = (text: string, line: number): MigrationOperation[] => readSqlOperations(text, dialect, line);
  if (file.format === 'sql')
    return cache.compute(`migration:sql:${dialect}`, file, (text) => ({
      operations: sql(text, 1),
      rollback: sqlHasRollback(text, dialect),
    }));
  const grammar = grammarOfPath(file.path);
  if (!isCodeFormat(file.format) || !grammar) return { operations: [], rollback: false, unreadable: true };
  const { syntax, interpret } = CODE_FORMATS[file.format];
  const read = cache.read(`migration:${file.format}:${dialect}`, { ...file, grammar }, (root) => {
    const { statements, rollback } = readMigrationCalls(grammar, root, syntax);
    const receivers = [...new Set(statements.flatMap((call) => (call.receiver ? [call.receiver] : [])))];
    return { operations: interpret(statements, sql), rollback, receivers };
  });
  return read ?? { operations: [], rollback: false, unreadable: true };
}
