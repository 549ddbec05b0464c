import type { CodeLanguage } from '../../../code/language.js';
import type { Grammar } from '../../../code/syntax/grammar.js';
import { lineOf } from '../../../code/syntax/node-text.js';
import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import { selectNodes } from '../../../code/syntax/select-nodes.js';
import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import type { ReviewedFile } from '../../review-engine/reviewed-file.js';
import {
  hasText,
  type BuildContext,
  type BuiltValue,
  type StringBuild,
} from './string-building/build-parts.js';
import { CALL_TYPES, nameOf, readCall, type CallShape } from './string-building/call-shape.js';
import {
  containsSql,
  looksLikeSqlFragment,
  QUERY_METHODS,
  SQL_FRAGMENT_METHODS,
  SQL_PROPERTIES,
} from './sql-sinks.js';
import { evaluate } from './string-building/string-build.js';

/**
 * SQL text built at runtime and sent to the database, read from the syntax tree: a query call
 * (or a query builder's raw fragment) whose SQL argument concatenates, interpolates or formats a
 * value that is not a constant, directly or through variables assigned in the same function.
 */

/** A query call that runs SQL built from runtime values. */
interface SqlBuildFact {
  /** The line the call starts on. */
  line: number;
  /** The method that runs the SQL. */
  sink: string;
  values: BuiltValue[];
}

const SINK_GROUPS = { call: CALL_TYPES, assignment: ['assignment_expression'] };
/** Keys of a query given as an object: `db.query({ text, values })`. */
const SQL_KEYS = new Set(['text', 'sql', 'query']);
/** Fragment arguments given by name: Django's `extra(where=[…], select={…})`. */
const FRAGMENT_KEYS = ['where', 'select', 'order_by', 'tables'];
const LISTS = /^(?:array|list|dictionary|hash)$/;

function dynamicSql(build: StringBuild, fragment: boolean): boolean {
  if (!build.built || build.values.length === 0) return false;
  return fragment ? looksLikeSqlFragment(build.literal) : containsSql(build.text);
}

/** The argument carrying the SQL: the first of the first two that is a string (`QueryContext(ctx, sql)`, `mysqli_query($link, $sql)`). */
function sqlArgument(call: CallShape, context: BuildContext): StringBuild | undefined {
  const [first] = call.args;
  const keyed =
    first?.type === 'object'
      ? first.namedChildren.find(
          (pair) => pair?.type === 'pair' && SQL_KEYS.has(pair.childForFieldName('key')?.text ?? ''),
        )
      : undefined;
  const candidates = keyed?.childForFieldName('value')
    ? [keyed.childForFieldName('value')]
    : call.args.slice(0, 2);
  for (const candidate of candidates) {
    const build = candidate && evaluate(candidate, context);
    if (build && hasText(build)) return build;
  }
  return undefined;
}

/** The fragment a query builder is handed, element by element when it is a list. */
function fragmentArgument(call: CallShape, context: BuildContext): StringBuild | undefined {
  const given = [call.args[0], ...FRAGMENT_KEYS.map((key) => call.named.get(key))];
  for (const argument of given) {
    if (!argument) continue;
    const parts = LISTS.test(argument.type) ? argument.namedChildren : [argument];
    for (const part of parts) {
      const value = part?.type === 'pair' ? part.childForFieldName('value') : part;
      const build = value && evaluate(value, context);
      if (build && dynamicSql(build, true)) return build;
    }
  }
  return undefined;
}

function languageOf(grammar: Grammar): CodeLanguage {
  return grammar === 'tsx' ? 'typescript' : grammar;
}

function callFact(node: SyntaxNode, context: BuildContext, language: CodeLanguage): SqlBuildFact | undefined {
  const call = readCall(node);
  if (!call || call.tagged) return undefined;
  const fragment = SQL_FRAGMENT_METHODS[language]?.has(call.name) === true;
  if (!fragment && !QUERY_METHODS[language].has(call.name)) return undefined;
  const build = fragment ? fragmentArgument(call, context) : sqlArgument(call, context);
  return build && dynamicSql(build, fragment)
    ? { line: lineOf(node), sink: call.name, values: build.values }
    : undefined;
}

/** ADO.NET's `command.CommandText = sql`. */
function propertyFact(node: SyntaxNode, context: BuildContext): SqlBuildFact | undefined {
  const property = nameOf(node.childForFieldName('left'));
  const value = node.childForFieldName('right');
  if (!SQL_PROPERTIES.has(property) || !value) return undefined;
  const build = evaluate(value, context);
  return dynamicSql(build, false) ? { line: lineOf(node), sink: property, values: build.values } : undefined;
}

function readSqlBuilds(root: SyntaxNode, grammar: Grammar): SqlBuildFact[] {
  const language = languageOf(grammar);
  const context: BuildContext = { grammar, root, depth: 0, evaluate };
  const { call, assignment } = selectNodes(grammar, root, SINK_GROUPS);
  return [
    ...call.map((node) => callFact(node, context, language)),
    ...assignment.map((node) => propertyFact(node, context)),
  ].filter((fact): fact is SqlBuildFact => fact !== undefined);
}

/**
 * The line the finding stands on: where the pull request wrote the SQL's building (the assignment
 * that puts a value in, or the value itself), else the call it added that runs it.
 */
function anchorOf(fact: SqlBuildFact, isNewCode: (line: number) => boolean): number | undefined {
  const lines = fact.values.flatMap((value) =>
    value.writers.length > 0 ? [...value.writers, value.line] : [fact.line, value.line],
  );
  return [...lines, fact.line].find(isNewCode);
}

const RANK = { request: 0, parameter: 1, value: 2 } as const;

function hitOf(fact: SqlBuildFact, line: number): RuleHit {
  const [value] = [...fact.values].sort((a, b) => RANK[a.origin] - RANK[b.origin]);
  if (!value) return { line };
  const into = `${value.how} into SQL that \`${fact.sink}\` runs`;
  const named = value.from ? `\`${value.label}\` (from \`${value.from}\`)` : `\`${value.label}\``;
  if (value.origin === 'request')
    return {
      line,
      title: 'SQL built from request input',
      explanation: `${named} is request input, ${into}: a crafted value changes the query (SQL injection).`,
    };
  if (value.origin === 'parameter')
    return {
      line,
      explanation: `${named}, a parameter of the function, is ${into}: a caller that passes outside input can change the query (SQL injection).`,
    };
  return {
    line,
    severity: 'medium',
    explanation: `${named} is ${into}: if it ever carries outside input, it can change the query (SQL injection).`,
  };
}

/** Added lines worth parsing the file for: they mention SQL, a query, or join strings. */
const MENTIONS_SQL =
  /\b(?:select|insert|update|delete|where|from|join|order|group|having|values|set|into|and|or|limit)\b|query|exec|sql|raw|format|prepare|command|\+=|<<|\.=/i;

function sqlBuildHits(file: ReviewedFile): RuleHit[] {
  if (!file.language || file.isTest || !file.added.some((line) => MENTIONS_SQL.test(line.text))) return [];
  const added = new Map(file.added.map((line) => [line.line, line]));
  const isNewCode = (line: number): boolean => {
    const written = added.get(line);
    return written !== undefined && file.kindOf(written) === 'code';
  };
  const facts = file.facts('security/sql-string-building', readSqlBuilds) ?? [];
  return facts.flatMap((fact) => {
    const line = anchorOf(fact, isNewCode);
    return line === undefined ? [] : [hitOf(fact, line)];
  });
}

export const sqlStringBuilding: ReviewRule = {
  id: 'security/sql-string-building',
  severity: 'high',
  title: 'SQL built from strings',
  explanation:
    'SQL text is concatenated or interpolated with runtime values and then executed: a crafted value can change the query (SQL injection).',
  fix: {
    default: 'Pass values as bound parameters and keep the SQL text constant.',
    javascript:
      "Use placeholders and a values array: `db.query('SELECT … WHERE id = $1', [id])`, or a tagged template such as Prisma's `$queryRaw` / `sql` from your driver.",
    python:
      'Use the driver\'s parameters: `cursor.execute("SELECT … WHERE id = %s", (user_id,))`, or SQLAlchemy `text("… :id")` with bound params.',
    go: 'Use placeholders and arguments: `db.QueryContext(ctx, "SELECT … WHERE id = $1", id)`; for GORM, `Where("name = ?", name)`.',
    java: 'Use a `PreparedStatement` with `?` and `setString`/`setLong`, or JPA named parameters (`:id` with `setParameter`).',
    kotlin:
      'Use a `PreparedStatement` with `?` and `setString`/`setLong`, or `jdbcTemplate.query("… WHERE id = ?", mapper, id)`.',
    ruby: 'Use bind placeholders: `where("name = ?", name)` or `where(name: name)`; `sanitize_sql` for raw SQL.',
    php: 'Use prepared statements: `$pdo->prepare("SELECT … WHERE id = ?")->execute([$id])`, or Laravel bindings (`whereRaw("id = ?", [$id])`).',
    csharp:
      'Use parameters: `FromSqlInterpolated`/`ExecuteSqlInterpolated`, Dapper `new { id }`, or `SqlParameter` on the command.',
    rust: 'Use bind parameters: `sqlx::query("SELECT … WHERE id = $1").bind(id)` or the checked `query!` macro.',
    elixir: 'Use parameters: `Repo.query("SELECT … WHERE id = $1", [id])`, or an Ecto query with `^id`.',
  },
  check: sqlBuildHits,
};
