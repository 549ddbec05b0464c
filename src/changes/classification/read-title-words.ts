import { quoteSignal, type KindSignal } from './change-kind.js';

/**
 * Words that name a vulnerability or its class: a title that uses them describes a security
 * fix ("Ensure authentication takes constant time, to avoid enumeration attacks", "Prevent XSS in
 * the preview", "Patch CVE-2024-1234").
 */
const SECURITY_WORDING = new RegExp(
  [
    'CVE-\\d{4}-\\d{4,}',
    'GHSA(?:-[0-9a-z]{4}){3}',
    'XSS',
    'CSRF',
    'XSRF',
    'SSRF',
    'XXE',
    'RCE',
    'ReDoS',
    '(?:sql|nosql|command|code|shell|header|template|ldap|log|html|script|xpath|prompt)[ -]injection',
    'injection (?:attack|vulnerabilit(?:y|ies)|flaw)',
    '(?:path|directory) traversal',
    'open redirects?',
    'timing attacks?',
    'constant[ -]time',
    '(?:user|account|username|email) enumeration',
    'enumeration attacks?',
    'privilege escalation',
    'clickjacking',
    'session fixation',
    'vulnerabilit(?:y|ies)',
    'vulnerable',
    'security (?:fix|fixes|issue|issues|bug|hole|flaw|patch|problem|vulnerability|advisory|hardening|improvements?)',
    '(?:improve|improves|tighten|tightens|strengthen|strengthens|harden|hardens)\\s+(?:[\\w-]+\\s+){0,5}security',
    'improvements? (?:to|of|for) (?:[\\w-]+\\s+){0,5}security',
    'harden(?:s|ed|ing)?',
    'insecure',
    'exploit(?:s|able)?',
    'denial[ -]of[ -]service',
  ]
    .map((word) => `\\b${word}\\b`)
    .join('|'),
  'i',
);

const BUG_WORD =
  /\b(fix|fixes|fixed|fixing|bug|bugs|bugfix|hotfix|crash|crashes|crashing|crashed|regression|broken|panic|panics|hang|hangs|typo|typos|leak|leaks|leaking|deadlock|workaround)\b/i;

/**
 * A fix of the project's own tooling, not of its behaviour: `Fix lint`, `Fix flaky test`, `Fix CI`,
 * `Fix the build on Windows`, `Fix type errors`. Such a PR is a change (gitmoji 💚 🚨), not a bug
 * fix. The tool word must end its noun phrase: in `Fix docs navigation layout` the docs are a page.
 */
const TOOLING_FIX =
  /\bfix(?:es|ed|ing)?\s+(?:(?:the|a|an|some|all|our|failing|broken|flaky|ci|e2e|unit|integration|remaining|mypy|eslint|ruff|pylint|tsc|typescript)\s+)*(?:[\w-]+\s+){0,2}?(?:lint(?:ing|er)?|eslint|prettier|formatting|ci|builds?|tests?|specs?|flaky|flakes|type ?checks?|typing|types|type errors|mypy|ruff|pylint|flake8|rubocop|clippy|phpstan|psalm|warnings?|deprecation warnings?|workflows?|pipelines?|pre-commit|docs|documentation|readme|changelog|comments?|docstrings?|jsdoc)(?:\s+(?:errors?|warnings?|failures?|issues?))?\b(?=\s*$|\s*[,:;.(]|\s+(?:in|on|for|after|and|with|when|by|to|under|from|of)\b)/i;

/** Words and openings of titles that add no feature: refactors, cleanups, docs, tests, CI, releases, reverts. */
const CHANGE_WORDING: readonly RegExp[] = [
  // As the verb that opens the title, or as the label that ends it (`Auth refactor`), not as an object (`Make cleanup idempotent`).
  /^(refactor|refactors|refactored|refactoring|cleanup|clean-up|clean up|cleans up|cleaned up|tidy|tidy up|housekeeping|chore|chores)\b/i,
  /\b(refactor|refactoring|cleanup|clean-up|housekeeping|chores?)\s*(?:$|[:(])/i,
  /^(rename|renames|renamed|move|moves|moved|extract|extracts|externali[sz]e|externali[sz]es|reorgani[sz]e|restructure|simplify|simplifies|simplified|reformat|format|lint|revert|reverts|reverted|release|releases|prepare release|document|deprecate|deprecates|modernize|migrate|migrates)\b/i,
  /^(remove|removes|removed|delete|deletes|drop|drops)\s+(?:the\s+|an?\s+)?(unused|dead|deprecated|obsolete|old|legacy|redundant|unnecessary|stale|leftover|outdated|duplicate|duplicated)\b/i,
  /^(add|adds|added|update|updates|updated|improve|improves|improved|expand|extend|increase)\s+(?:(?:more|missing|some|the|a|an|new|unit|integration|e2e|api|end-to-end|type|basic)\s+)*(tests?|specs?|test cases?|test coverage|coverage|docs|documentation|comments?|docstrings?|typings?|types|type hints|readme|changelog|translations?|license|copyright|ci|workflows?|github actions?|logging|snapshots?|examples?|benchmarks?)\b/i,
  /^(update|updates|updated|improve|improves|improved|fix|fixes)\s+(?:the\s+)?(readme|docs|documentation|changelog|contributing|comments?|docstrings?)\b/i,
  /^(docs?|tests?|ci|perf|performance|refactor|style|build|release|changelog)\s*[:/]/i,
  /^(replace|replaces|switch|switches|use)\s+.{1,60}\s+(with|to|instead of)\s+/i,
  /^(optimi[sz]e|optimi[sz]es|speed up|speeds up|improve performance|reduce (?:memory|allocations|latency|startup)|cache|caches|memoi[sz]e|memoi[sz]es|parallelize|batch)\b/i,
  /^(upgrade|upgrades|upgraded|upgrading|downgrade|downgrading)\b/i,
  // Release commits: `Mark 3.8.7`, `Tag v2.1.0`, `Bump version to 1.4.0`, or a title that is only a version.
  /^(?:mark|marks|tag|tags|cut|bump(?:s)?(?:\s+the)?(?:\s+version)?(?:\s+to)?|version)\s+v?\d+\.\d+(?:\.\d+)?\b/i,
  /^v?\d+\.\d+\.\d+(?:[-+][\w.]+)?$/,
  // Restructuring verbs: `Split query.rs into modules`, `Consolidate the retry helpers`.
  /^(split|splits|consolidate|consolidates|unify|unifies|deduplicate|dedupe|decouple|decouples|modulari[sz]e|inline|inlines|reorder|sort)\b/i,
  // Indexes make queries faster and change no behaviour: `Add indexes to core models`, not `Add index page`.
  /^(add|adds|added)\s+(?:(?:missing|more|some|the|an?|db|database|composite|unique|partial|performance)\s+)*ind(?:ex|exes|ices)\s+(?:to|on|for)\b/i,
  // A stated aim of readability is a refactor's (`…, using clause.Like for readability`).
  /\b(?:for|improve|improves|improved|better|more)\s+readab(?:le|ility)\b/i,
  // The same openings in Chinese: optimize, refactor, clean up, simplify, tidy, reformat; and "readability".
  /^(优化|重构|清理|简化|整理|格式化)/,
  /可读性/,
];

/**
 * Titles that open with what a fix does rather than the word "fix": `Prevent duplicate emails`,
 * `Don't drop the session on refresh`, `Restore the export button`, `Handle missing avatars`,
 * `Make webhook delivery idempotent`, `Ensure authentication takes constant time`.
 */
const FIX_OPENING =
  /^(prevent|prevents|avoid|avoids|stop|stops|don't|do not|never|correct|corrects|repair|repairs|restore|restores|preserve|preserves|add (?:the )?missing|add back|bring back|re-add|readd|patch|patches|mitigate|mitigates|guard against|ensure|ensures|handle (?:missing|null|nil|empty|invalid|unknown|unexpected|malformed|duplicate|errors?|exceptions?|timeouts?|failures?|edge cases?)|make\b.{1,60}\b(?:idempotent|thread-safe|threadsafe|deterministic|robust|resilient|work again|consistent)\b)/i;

/** A security fix, told by the vulnerability it names. */
export function readSecurityWording(title: string): KindSignal | undefined {
  const word = SECURITY_WORDING.exec(title)?.[0];
  return word === undefined
    ? undefined
    : { kind: 'fix', signal: `security wording ${quoteSignal(word)} in the title` };
}

/** A bug word in the title (`fix`, `crash`, `regression`…), unless its first one fixes tooling (`Fix lint`): a change. */
export function readBugWords(title: string): KindSignal | undefined {
  const word = BUG_WORD.exec(title);
  if (word === null) return undefined;
  const tooling = TOOLING_FIX.exec(title);
  if (tooling !== null && tooling.index === word.index) {
    return { kind: 'change', signal: `tooling fix ${quoteSignal(tooling[0])} in the title` };
  }
  return { kind: 'fix', signal: `title word ${quoteSignal((word[1] ?? '').toLowerCase())}` };
}

/** A title that opens with what a fix does (`Prevent …`, `Restore …`, `Make … idempotent`). */
export function readFixOpening(title: string): KindSignal | undefined {
  const words = FIX_OPENING.exec(title)?.[0];
  if (words === undefined) return undefined;
  const shown = words.length > 30 ? (words.split(/\s+/)[0] ?? words) : words;
  return { kind: 'fix', signal: `title opening ${quoteSignal(shown)}` };
}

/** A title that says the PR refactors, cleans up, documents, tests, reverts or releases. */
export function readChangeWording(title: string): KindSignal | undefined {
  for (const pattern of CHANGE_WORDING) {
    const words = pattern.exec(title)?.[0];
    if (words !== undefined) return { kind: 'change', signal: `title words ${quoteSignal(words.trim())}` };
  }
  return undefined;
}
