import { classifyPath } from '../../../code/classify-path.js';
import { endLineOf, lineOf } from '../../../code/syntax/node-text.js';
import type { SyntaxNode } from '../../../code/syntax/parse-source.js';
import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import type { ReviewedFile } from '../../review-engine/reviewed-file.js';
import { readSqlBuilds, type SqlBuildFact } from './read-sql-builds.js';

/**
 * SQL built from runtime values and run (see `readSqlBuilds`), reported on the line the pull request
 * wrote: high when the value is request input or a parameter of the function, medium for other values.
 */

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
  if (value.origin === 'parameter') {
    const source =
      value.from === undefined && /^[$\w]+$/.test(value.label)
        ? ', a parameter of the function, is'
        : ' comes from a parameter of the function and is';
    return {
      line,
      explanation: `${named}${source} ${into}: a caller that passes outside input can change the query (SQL injection).`,
    };
  }
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
  // A migration runs SQL over its own data, and the database review reads migrations.
  if (classifyPath(file.path).role === 'migration') return [];
  const added = new Map(file.added.map((line) => [line.line, line]));
  const isNewCode = (line: number): boolean => {
    const written = added.get(line);
    return written !== undefined && file.kindOf(written) === 'code';
  };
  const lines = [...added.keys()];
  const touched = (node: SyntaxNode): boolean =>
    lines.some((line) => line >= lineOf(node) && line <= endLineOf(node));
  const facts =
    file.facts('security/sql-string-building', (root, grammar) => readSqlBuilds(root, grammar, touched)) ??
    [];
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
