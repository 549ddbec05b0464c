import type { CodeLanguage } from '../../../code/language.js';

const JS_CALL =
  /\bawait\s+[\w$.]*?(?:\b[A-Z]\w*|\w*(?:prisma|db|Db|DB|knex|pool|Pool|conn|connection|Connection|repo|Repo|Repository|repository|model|Model|dao|Dao|manager|Manager|queryRunner|sql))\.(?:\w+\.)?(?:find\w*|create\w*|update\w*|delete\w*|destroy|upsert\w*|count\w*|aggregate|query|execute|save|insert\w*|select\w*|where|exec|one|oneOrNone|many|any|first|raw)\s*[(`]/;

/** Ruby constants that are not models. */
const RUBY_NOT_MODELS =
  '(?!(?:File|Dir|Time|Date|DateTime|JSON|YAML|ENV|Rails|Struct|Set|Hash|Array|String|Integer|Float|URI|IO|Kernel|Process|Thread)\\b)';

/** One call that goes to the database (or an ORM that does), per language. */
export const DATABASE_CALL: Readonly<Record<CodeLanguage, RegExp>> = {
  javascript: JS_CALL,
  typescript: JS_CALL,
  python:
    /\.objects\.(?:get|filter|create|exclude|all|first|last|count|update_or_create|get_or_create|aggregate|values)\(|\bsession\.(?:query|execute|get|scalar|scalars)\(|\bcursor\.execute\(|\.query\.(?:filter|filter_by|get|all|first)\(|\bawait\s+[\w.]*(?:conn|connection|db|database|pool|session)\.(?:fetch\w*|execute|get|scalar)\(/,
  go: /\b(?:db|tx|conn|pool|DB|Db|q|queries|store|repo)\.(?:Query|QueryRow|QueryContext|QueryRowContext|Exec|ExecContext|Get|GetContext|Select|SelectContext|First|Find|Take|Create|Save|Where|Model)\(/,
  java: /\b\w*(?:Repository|Repo|repository|repo|Dao|dao|jdbcTemplate|entityManager|em)\.(?!stream\b)\w+\s*\(/,
  kotlin: /\b\w*(?:Repository|Repo|repository|repo|Dao|dao|jdbcTemplate|entityManager)\.(?!stream\b)\w+\s*\(/,
  ruby: new RegExp(
    `(?<!::)\\b${RUBY_NOT_MODELS}[A-Z]\\w*\\.(?:find|find_by!?|where|create!?|first|last|count|exists\\?|pluck|find_or_create_by!?|sum)\\b`,
  ),
  php: /\b[A-Z]\w*::(?:find|findOrFail|where|create|first|firstOrCreate|updateOrCreate|query|count|whereIn)\(|\bDB::(?:table|select|insert|update|delete|statement)\(|(?<![Xx]path)->(?:query|prepare|findOneBy|findBy)\(|(?:repository|Repository|em)->find\(/,
  csharp:
    /\b_?\w*(?:[Cc]ontext|[Rr]epository|[Rr]epo|[Dd]b)\.(?:\w+\.)?\w*(?:Find|First|Single|Where|Any|Count|ToList|Get|Load|Query)\w*\s*\(/,
  rust: /\bsqlx::query|\.fetch_(?:one|all|optional)\s*\(|\.execute\s*\(\s*&|\.load::<|\.get_result\s*\(/,
  elixir: /\bRepo\.(?:get!?|get_by!?|one!?|all|insert!?|update!?|delete!?|preload|exists\?|aggregate)\b/,
};
