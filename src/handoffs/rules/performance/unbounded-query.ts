import type { DiffLine } from '../../../code/diff/changed-file.js';
import type { CodeLanguage } from '../../../code/language.js';
import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import { addedRuns } from '../../review-engine/reviewed-file.js';
import { isCommentLine } from '../../review-engine/line-kinds.js';

const JS_ALL = /\.(?:findAll|findMany)\(\s*\)|\.find\(\s*(?:\{\s*\})?\s*\)/;

/** Queries that load a whole table: no filter, no limit. */
const LOAD_ALL: Readonly<Partial<Record<CodeLanguage, RegExp>>> = {
  javascript: JS_ALL,
  typescript: JS_ALL,
  python:
    /\.objects\.all\(\)(?!\s*\[)|\b[A-Z]\w*\.query\.all\(\)|session\.query\(\s*\w+\s*\)\.all\(\)|\.scalars\(\s*select\(\s*\w+\s*\)\s*\)\.all\(\)/,
  go: /\.Find\(\s*&\w+\s*\)/,
  java: /\b\w*[Rr]epository\.findAll\(\s*\)/,
  kotlin: /\b\w*[Rr]epository\.findAll\(\s*\)/,
  ruby: /\b[A-Z]\w*\.all\b(?!\.(?:limit|page|paginate|per|find_each|find_in_batches|in_batches|first|last|count|size|exists\?|ids|none))/,
  php: /\b[A-Z]\w*::all\(\)/,
  csharp: /\b_?\w*(?:[Cc]ontext|[Dd]b)\.\w+\.ToList(?:Async)?\(\)/,
  elixir: /\bRepo\.all\(\s*[A-Z][\w.]*\s*\)/,
};

/** A limit or pagination anywhere in the statement bounds it. */
const BOUNDED =
  /\b(?:limit|take|top|paginate|page|per_page|Limit|Take|Paginate|Scopes|first|cursor|offset|skip|Skip)\b|\[\s*:\s*\d+\s*\]/;
/** Sending the result back to the client (a Kotlin expression body, `fun list() = …`, returns it too). */
const RESPONDS =
  /\breturn\b|\.json\(|\.send\(|\bJSON\(|\bjsonify\(|Response\(|\brender\b|\bOk\(|ctx\.body\s*=|->json\(|response\(\)|\bjson\(conn|\bfun\s+\w+\s*\(.*\)\s*(?::[^=]+)?=(?!=)/;
/** DRF viewsets' `queryset =` is paginated by the framework. */
const FRAMEWORK_PAGINATED = /^\s*queryset\s*=/;
/** How far below the query the response may come. */
const RESPONSE_LINES = 6;

function assignedName(text: string): string | null {
  return /(?:^|\s)(?:const|let|var|val)?\s*\$?@?([A-Za-z_]\w*)\s*(?::=|=(?!=))/.exec(text)?.[1] ?? null;
}

/** The variable a query fills through a pointer: GORM's `db.Find(&products)`. */
function filledName(text: string): string | null {
  return /\(\s*&([A-Za-z_]\w*)\s*[,)]/.exec(text)?.[1] ?? null;
}

function isReturnedToClient(run: readonly DiffLine[], index: number, text: string): boolean {
  if (RESPONDS.test(text)) return true;
  const name = assignedName(text) ?? filledName(text);
  if (!name) return false;
  const uses = new RegExp(`\\b${name}\\b`);
  return run
    .slice(index + 1, index + 1 + RESPONSE_LINES)
    .some((line) => RESPONDS.test(line.text) && uses.test(line.text));
}

export const unboundedQuery: ReviewRule = {
  id: 'performance/unbounded-query',
  severity: 'medium',
  title: 'Unbounded list query returned to the client',
  explanation:
    'The whole table is loaded and sent back: fine with ten rows, a timeout and a memory spike with a million.',
  fix: {
    default: 'Paginate: accept `limit` (with a maximum) and a cursor or page, and apply them to the query.',
    javascript:
      'Add `take`/`skip` or a cursor (Prisma), `limit`/`offset` (Sequelize/TypeORM `take`), or `.limit()` (Mongoose), capped server-side.',
    python:
      'Slice the queryset (`[:limit]`) or use the framework paginator (Django `Paginator`, DRF pagination, `.limit()` in SQLAlchemy).',
    go: 'Add `.Limit(limit).Offset(offset)` (GORM) or `LIMIT $1` with a capped value.',
    java: 'Take a `Pageable` (`findAll(PageRequest.of(page, size))`) and return a `Page`/`Slice`.',
    ruby: 'Use `.limit`/`.page(params[:page]).per(50)` (Kaminari) or `pagy`.',
    php: 'Use `Model::paginate(50)` or `cursorPaginate()` instead of `all()`.',
    csharp: 'Apply `.Skip(offset).Take(limit)` with a capped limit before `ToListAsync()`.',
    elixir: 'Use `limit`/`offset` in the query, or Scrivener / Flop for pagination.',
  },
  check(file) {
    const language = file.language;
    const pattern = language ? LOAD_ALL[language] : undefined;
    if (!language || !pattern || file.isTest) return [];
    const hits: RuleHit[] = [];
    for (const run of addedRuns(file)) {
      run.forEach((line, index) => {
        const text = line.text;
        // Text first: the syntax tree is only consulted for a line that looks like a query.
        if (!pattern.test(text) || BOUNDED.test(text) || FRAMEWORK_PAGINATED.test(text)) return;
        if (isCommentLine(file, line)) return;
        if (isReturnedToClient(run, index, text)) hits.push({ line: line.line });
      });
    }
    return hits;
  },
};
