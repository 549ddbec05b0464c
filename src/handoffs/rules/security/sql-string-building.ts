import type { DiffLine } from '../../../code/diff/changed-file.js';
import type { CodeLanguage } from '../../../code/language.js';
import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import { addedRuns, type ReviewedFile } from '../../review-engine/reviewed-file.js';
import { statementFrom } from '../../review-engine/statement-groups.js';
import { isCommentLine } from '../../review-engine/line-kinds.js';
import { buildsStringDynamically, containsSql, QUERY_CALL, SQL_FRAGMENT_CALL } from './dynamic-sql.js';

/** Where a string literal opened at `index` ends (the index after its closing quote). */
function endOfLiteral(text: string, index: number): number {
  const quote = text[index];
  let at = index + 1;
  while (at < text.length && text[at] !== quote) at += text[at] === '\\' ? 2 : 1;
  return at + 1;
}

/** A callback among the arguments: what follows it is the callback's body, not the query. */
const CALLBACK = /^(?:=>|function\b|lambda\b|do\s*\|)/;

/**
 * The query call's own text: from its name to its closing parenthesis (strings skipped), cut before a
 * callback argument, so that `router.get('/users', (req, res) => { … })` is not read as a query.
 */
function callTextOf(statement: string, call: RegExp): string | null {
  const match = call.exec(statement);
  if (!match) return null;
  let depth = 0;
  let lastComma = -1;
  let at = match.index + match[0].length - 1;
  for (; at < statement.length; at += 1) {
    const character = statement[at] ?? '';
    if (character === '"' || character === "'" || character === '`') {
      at = endOfLiteral(statement, at) - 1;
    } else if ('([{'.includes(character)) depth += 1;
    else if (')]}'.includes(character) && --depth <= 0) break;
    else if (depth === 1 && character === ',') lastComma = at;
    else if (depth === 1 && CALLBACK.test(statement.slice(at, at + 12))) {
      at = lastComma >= 0 ? lastComma : at;
      break;
    }
  }
  return statement.slice(match.index, at + 1);
}

/** Wrappers that mark a string as SQL without changing it: `text(sql)`, `sql.SQL(query)`. */
const SQL_WRAPPER = /^\s*(?:text|RawSQL|sql\.SQL|Prisma\.raw|sql\.raw)\s*\(/;

/** The variable passed as a query call's first argument, e.g. `sql` in `db.query(sql, params)` or `execute(text(sql))`. */
function firstArgumentName(callText: string, call: RegExp): string | null {
  const match = call.exec(callText);
  if (!match) return null;
  let rest = callText.slice(match.index + match[0].length);
  const wrapper = SQL_WRAPPER.exec(rest);
  if (wrapper) rest = rest.slice(wrapper[0].length);
  return /^\s*&?([$A-Za-z_][\w$]*)\s*(?:[,)%+]|\.format\(|$)/.exec(rest)?.[1] ?? null;
}

/** How far above a query call the variable holding its SQL may be assigned. */
const ASSIGNMENT_LOOKBACK = 30;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Assignments to `name` in the lines before `beforeLine`, each with its full statement text. */
function assignmentsOf(
  file: ReviewedFile,
  name: string,
  beforeLine: number,
): { line: number; text: string }[] {
  const assignment = new RegExp(
    `(?:^|[^\\w$.])${escapeRegExp(name)}\\s*(?::=|\\+=|\\.=|<<|(?<![=!<>])=(?!=))`,
  );
  const found: { line: number; text: string }[] = [];
  for (const run of addedRuns(file)) {
    run.forEach((line, index) => {
      if (line.line >= beforeLine || line.line < beforeLine - ASSIGNMENT_LOOKBACK) return;
      if (assignment.test(line.text)) {
        found.push({ line: line.line, text: statementFrom(file, run, index) });
      }
    });
  }
  return found;
}

function hitForCall(
  file: ReviewedFile,
  run: readonly DiffLine[],
  index: number,
  language: CodeLanguage,
): RuleHit | null {
  const call = QUERY_CALL[language];
  const line = run[index];
  if (!line || isCommentLine(file, line)) return null;
  const fragment = SQL_FRAGMENT_CALL[language]?.exec(line.text);
  if (fragment && buildsStringDynamically(line.text.slice(fragment.index), language))
    return { line: line.line };
  const lineCall = call.exec(line.text);
  if (!lineCall) return null;
  // The statement from this line's query call on, as far as the call reaches.
  const whole = statementFrom(file, run, index);
  const statement = callTextOf(whole.slice(whole.indexOf(lineCall[0])), call) ?? whole;
  if (containsSql(statement) && buildsStringDynamically(statement, language)) return { line: line.line };
  const name = firstArgumentName(statement, call);
  if (!name) return null;
  const assignments = assignmentsOf(file, name, line.line);
  if (!assignments.some((assignment) => containsSql(assignment.text))) return null;
  const argumentIsFormatted = new RegExp(`${escapeRegExp(name)}\\s*(?:%|\\.format\\(|\\+)`).test(statement);
  const dynamic = assignments.find((assignment) => buildsStringDynamically(assignment.text, language));
  if (dynamic)
    return {
      line: dynamic.line,
      explanation: `\`${name}\` is built from runtime values and then run as SQL.`,
    };
  return argumentIsFormatted ? { line: line.line } : null;
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
    ruby: 'Use bind placeholders: `where("name = ?", name)` or `where(name: name)`; `sanitize_sql` for raw SQL.',
    php: 'Use prepared statements: `$pdo->prepare("SELECT … WHERE id = ?")->execute([$id])`, or Laravel bindings (`whereRaw("id = ?", [$id])`).',
    csharp:
      'Use parameters: `FromSqlInterpolated`/`ExecuteSqlInterpolated`, Dapper `new { id }`, or `SqlParameter` on the command.',
    rust: 'Use bind parameters: `sqlx::query("SELECT … WHERE id = $1").bind(id)` or the checked `query!` macro.',
    elixir: 'Use parameters: `Repo.query("SELECT … WHERE id = $1", [id])`, or an Ecto query with `^id`.',
  },
  check(file) {
    const language = file.language;
    if (!language || file.isTest) return [];
    const hits: RuleHit[] = [];
    for (const run of addedRuns(file)) {
      for (let index = 0; index < run.length; index += 1) {
        const hit = hitForCall(file, run, index, language);
        if (hit) hits.push(hit);
      }
    }
    return hits;
  },
};
