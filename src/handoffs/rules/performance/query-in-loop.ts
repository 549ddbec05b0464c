import type { DiffLine } from '../../../code/diff/changed-file.js';
import type { CodeLanguage } from '../../../code/language.js';
import { addedLinesOfSpan, spanStartingAt } from '../../review-engine/block-extent.js';
import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import { addedRuns, type ReviewedFile } from '../../review-engine/reviewed-file.js';
import { isCommentLine } from '../../review-engine/line-kinds.js';
import { DATABASE_CALL } from './database-calls.js';

const JS_LOOP = [
  /^\s*(?:for\s*(?:await\s*)?\(|while\s*\()/,
  /\.(?:forEach|map|flatMap|reduce|filter|some|every)\s*\(\s*(?:async\s*)?(?:\([^)]*\)|[\w$]+)\s*=>/,
];

/** Loop headers, per language. Callback loops (`forEach`, `map`) count: each item still costs a round trip. */
const LOOP: Readonly<Record<CodeLanguage, readonly RegExp[]>> = {
  javascript: JS_LOOP,
  typescript: JS_LOOP,
  python: [/^\s*(?:async\s+)?for\s+.+\s+in\s+.+:\s*(?:#.*)?$/, /^\s*while\s+.+:\s*$/],
  go: [/^\s*for\b/],
  java: [/^\s*(?:for|while)\s*\(/, /\.forEach\s*\(/, /\.stream\(\)\s*\.map\s*\(/],
  kotlin: [/^\s*(?:for|while)\s*\(/, /\.(?:forEach|map|mapNotNull|flatMap)\s*\{/],
  ruby: [
    /\.(?:each|map|each_with_index|flat_map|select|find_each|each_with_object|collect)\b.*(?:\bdo\b|\{)/,
    /^\s*(?:for|while|until)\b/,
  ],
  php: [/^\s*(?:foreach|for|while)\s*\(/, /\barray_map\s*\(/],
  csharp: [/^\s*(?:foreach|for|while)\s*\(/, /\.ForEach\s*\(/, /\.Select\s*\(\s*async\b/],
  rust: [/^\s*(?:for\s+.+\s+in\s+|while\b|loop\b)/, /\.for_each\s*\(/, /\.map\s*\(\s*\|/],
  elixir: [/\bEnum\.(?:map|each|flat_map|reduce)\b/, /^\s*for\s+.+<-/],
};

/** Where a callback's body starts on a loop's header line; languages without one have only statement loops. */
const CALLBACK_BODY: Readonly<Partial<Record<CodeLanguage, RegExp>>> = {
  javascript: /=>/,
  typescript: /=>/,
  java: /->/,
  kotlin: /\{/,
  csharp: /=>/,
  ruby: /\bdo\b|\{/,
  elixir: /->|\bdo\b/,
  rust: /\|[^|]*\|/,
};

/** A Python comprehension that queries per element: `[User.objects.get(id=i) for i in ids]`. */
const COMPREHENSION = /[[({].*\bfor\s+\w+(?:\s*,\s*\w+)*\s+in\b/;

function loopBody(file: ReviewedFile, header: DiffLine, language: CodeLanguage): DiffLine[] {
  const span = spanStartingAt(file, header.line);
  const rest = span ? addedLinesOfSpan(file, span).lines : [];
  // A callback written on the header line (`ids.map(async (id) => db.find(id))`) is part of the body.
  const opener = CALLBACK_BODY[language];
  const arrow = opener ? header.text.search(opener) : -1;
  const headerBody = arrow >= 0 ? [{ line: header.line, text: header.text.slice(arrow) }] : [];
  return [...headerBody, ...rest];
}

/** A line that continues the statement above it: `.bind(id)`, `.fetch_one(pool)`. */
const CHAIN_CONTINUATION = /^\s*\??\./;

/** The lines of a loop body that query, one per statement: a builder chain's later links are the same query. */
function queriesIn(file: ReviewedFile, body: readonly DiffLine[], call: RegExp): RuleHit[] {
  const hits: RuleHit[] = [];
  let inQuery = false;
  for (const bodyLine of body) {
    if (isCommentLine(file, bodyLine)) continue;
    const continues = inQuery && CHAIN_CONTINUATION.test(bodyLine.text);
    if (!continues && call.test(bodyLine.text)) {
      hits.push({ line: bodyLine.line });
      inQuery = true;
    } else if (!continues) inQuery = false;
  }
  return hits;
}

/**
 * Where to report a query in a loop: on the query, unless only the loop is new (existing code wrapped in a
 * new loop keeps its query line, which then reads as moved); the N+1 is the pull request's, so on the loop.
 */
function placed(file: ReviewedFile, header: DiffLine, hit: RuleHit): RuleHit {
  const query = file.added.find((added) => added.line === hit.line);
  const kind = query ? file.kindOf(query) : 'code';
  const carried = kind === 'moved' || kind === 'formatting';
  return carried && hit.line !== header.line && file.kindOf(header) === 'code' ? { line: header.line } : hit;
}

export const queryInLoop: ReviewRule = {
  id: 'performance/query-in-loop',
  severity: 'medium',
  title: 'Query inside a loop',
  explanation:
    'Each iteration makes its own database round trip (the N+1 pattern): the request slows down linearly with the data.',
  fix: {
    default:
      'Load everything the loop needs in one query before the loop (a join, an `IN (...)` list or a batch API), then look items up in memory.',
    javascript:
      'Fetch once with `where: { id: { in: ids } }` (Prisma) / `whereIn` (Knex) / `In(ids)` (TypeORM), or `include` the relation, then map in memory.',
    python:
      'Use `select_related`/`prefetch_related` (Django) or `selectinload`/`joinedload` (SQLAlchemy), or one `filter(id__in=ids)` query.',
    go: 'Query once with `WHERE id = ANY($1)` (pq.Array / pgx) or GORM `Preload`, then index the rows in a map.',
    java: 'Use a fetch join / `@EntityGraph`, or one `findAllById(ids)` call, instead of a repository call per item.',
    ruby: 'Use `includes`/`preload` for associations, or one `where(id: ids)` query; the Bullet gem catches these.',
    php: 'Eager-load with `with()` (Laravel) or one `whereIn` query; Doctrine: a fetch join.',
    csharp:
      'Use `Include`/`ThenInclude`, or one `Where(x => ids.Contains(x.Id))` query, instead of a query per item.',
    rust: 'Query once with `WHERE id = ANY($1)` and bind the id list, then index the rows in a `HashMap`.',
    elixir: 'Use `Repo.preload` or one query with `where: x.id in ^ids` before mapping.',
  },
  check(file) {
    const language = file.language;
    if (!language || file.isTest) return [];
    // Ruby constants are only models by Rails convention: outside `app/` a `Foo.find` is anything.
    if (language === 'ruby' && !/(?:^|\/)app\//.test(file.path)) return [];
    const call = DATABASE_CALL[language];
    const hits: RuleHit[] = [];
    for (const run of addedRuns(file)) {
      run.forEach((line) => {
        if (
          language === 'python' &&
          COMPREHENSION.test(line.text) &&
          call.test(line.text.split(/\bfor\b/)[0] ?? '') &&
          !isCommentLine(file, line)
        ) {
          hits.push({ line: line.line });
          return;
        }
        if (!LOOP[language].some((loop) => loop.test(line.text)) || isCommentLine(file, line)) return;
        hits.push(
          ...queriesIn(file, loopBody(file, line, language), call).map((hit) => placed(file, line, hit)),
        );
      });
    }
    return hits;
  },
};
