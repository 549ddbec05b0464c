import type { BugFixField } from './extract-pr-sections.js';

/**
 * Sentences that state a Bug Fix Report field in running prose, in the words authors use:
 * "The problem was…", "This was caused by…" (root cause); "This fixes … by …", "The fix is…",
 * "This PR now …" (solution); "To prevent this…", "A regression test…" (prevention). Read at the
 * start of a sentence, except the few phrases that say it anywhere ("… was caused by …").
 */
const SENTENCE_FIELDS: readonly (readonly [field: BugFixField, pattern: RegExp])[] = [
  ['rootCause', /^(?:the\s+)?root[ -]cause\b/i],
  [
    'rootCause',
    /^the\s+(?:underlying\s+|actual\s+|real\s+|original\s+)?(?:problem|issue|bug|cause|culprit)\s+(?:here\s+)?(?:is|was|were)\b/i,
  ],
  [
    'rootCause',
    /^(?:this|it|that|the\s+(?:bug|issue|problem|crash|error|failure|regression))\s+(?:is|was|were)\s+(?:caused\s+by|due\s+to|because)\b/i,
  ],
  ['rootCause', /^(?:this|it|that)\s+(?:happens|happened|occurs|occurred)\s+(?:because|when|since)\b/i],
  ['rootCause', /^caused\s+by\b/i],
  ['rootCause', /\b(?:was|were|is|are)\s+caused\s+by\b/i],
  [
    'solution',
    /^(?:this\s+(?:(?:pr|pull request|change|commit|patch)\s+)?)?(?:fixes|fixed|resolves|addresses|solves)\b.{0,200}?\bby\b/i,
  ],
  ['solution', /^(?:fixed|resolved|solved|addressed)\s+by\b/i],
  ['solution', /^the\s+(?:fix|solution|change)\s+(?:here\s+)?(?:is|was)\b/i],
  [
    'solution',
    /^(?:this|the)\s+(?:pr|pull request|change|commit|patch)\s+(?:now\s+)?(?:makes|changes|adds|removes|ensures|uses|moves|replaces|updates|switches|stops|prevents|skips|handles|returns|keeps|lets|sets|introduces|reworks|rewrites|wraps|guards|checks|validates|escapes|sanitizes|limits|caches|defers|retries|maps|treats|restores|reverts)\b/i,
  ],
  ['solution', /^(?:we|it|this)\s+now\b/i],
  ['solution', /\b(?:is|was)\s+the\s+(?:whole|only|entire|actual|real)\s+fix\b/i],
  ['prevention', /^to\s+(?:prevent|avoid)\s+(?:this|it|that|similar|regressions?|recurrence|a\s+repeat)\b/i],
  ['prevention', /^(?:in\s+the\s+future|going\s+forward)\b/i],
  [
    'prevention',
    /\bso\s+(?:this|it)\s+(?:can(?:'|no)t|won't|will\s+not|does\s+not|doesn't)\s+happen\s+again\b/i,
  ],
  ['prevention', /^(?:a|the|this|added\s+a|adds\s+a)\s+regression\s+test\b/i],
];

// A sentence ends at `.`, `!` or `?` followed by space and a capital, a quote, a bracket or a backtick.
const SENTENCE_END = /(?<=[.!?])\s+(?=["'`(*_[A-Z])/;

/** The paragraph's sentences, its hard line breaks joined. */
export function splitSentences(paragraph: string): string[] {
  return paragraph
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .split(SENTENCE_END)
    .filter((sentence) => sentence.trim() !== '');
}

/** The field a sentence states, if it opens with (or says) one of the phrases above. */
export function statedField(sentence: string): BugFixField | undefined {
  const plain = sentence.replace(/^[*_]+/, '').trim();
  return SENTENCE_FIELDS.find(([, pattern]) => pattern.test(plain))?.[0];
}

// Verbs a change description opens an imperative sentence with ("Map it to …", "Walk the tree with lstat instead").
const VERBS = [
  'add|use|map|walk|resolve|move|return|skip|keep|make|check|guard|cache|treat|pass|set|read|write|call',
  'replace|remove|drop|rename|wrap|split|store|save|load|fetch|send|retry|catch|handle|validate|escape',
  'sanitize|sanitise|normalize|normalise|parse|convert|compare|sort|filter|limit|clamp|reset|clear',
  'initialize|initialise|register|mark|ensure|avoid|prevent|stop|switch|fall back|default|bail|reject',
  'accept|allow|deny|log|emit|raise|throw|lock|await|defer|debounce|throttle|memoize|compute|calculate',
  'round|truncate|encode|decode|introduce|extract|inline|fix|correct|restore|update|pin|create|delete',
  'insert|index|expose|hide|render|include|exclude|ignore|respect|honor|honour|propagate|forward',
  'redirect|route|bind|release|close|open|flush|apply|require|strip|trim|lowercase|uppercase|quote|unquote',
  'refresh|invalidate|rebuild|regenerate|recompute|reorder|delay|sum|count|group|collect|join|append',
  'prepend|reuse|share|persist|commit|roll back|wait|poll|schedule|queue|spawn|run|start|kill|pool',
  'stream|buffer|pipe|copy|clone|link|unlink|mount|look up|derive|infer|detect|match|verify|assert',
  'enforce|disable|enable|turn off|turn on|hoist|lift|shift|rewrite|rework|simplify|flatten|gate',
  'swallow|surface|report|warn|notify|publish|subscribe|listen|dispose|free|acquire|back off|time out',
  'bump|downgrade|revert|memoise|lazy-load|preload|prefetch|merge|dedupe|deduplicate|coerce|cast|widen',
  'narrow|tighten|loosen|relax|increase|decrease|lower|shorten|extend|pad|align|center',
].join('|');

// The verb must be a word of its own: `report/0 keeps its match` names a function, it does not order anything.
const CHANGE_VERBS = new RegExp(`^(?:${VERBS})(?=\\s)`, 'i');

// "…, so return that and log the response": what follows "so" is the change the author made.
const SO_THEN_CHANGE = new RegExp(`,\\s+so\\s+(?:(?:we|I|this|it)\\s+(?:now\\s+)?)?(?:${VERBS})\\s`, 'i');

// "now" that tells the past or the present state, not what the change does: "has now happened four times".
const NOT_A_CHANGE_NOW = /\b(?:has|have|had|until|by|right|for|just)\s+now\b/i;

// A sentence that explains why: "…, so a bad minute became a 500", "… because …", "… which meant …".
const CAUSAL =
  /\b(?:because|due to|as a result|which (?:means|meant|caused|causes|made|makes|led|leads|broke|breaks)|so that no|whenever)\b|,\s+so\s+(?!that\b)/i;

/**
 * For a fix's own description written as plain prose (no headings, labels or the phrases above):
 * an imperative sentence, or one that says what happens "now", describes the solution; a
 * sentence that explains a consequence ("…, so every request blocked") describes the root cause.
 * Not used on an issue's text, whose imperative sentences are steps to reproduce.
 */
export function inferredField(sentence: string): BugFixField | undefined {
  const plain = sentence.replace(/^[*_>\s]+/, '').trim();
  if (
    CHANGE_VERBS.test(plain) ||
    SO_THEN_CHANGE.test(plain) ||
    (/\bnow\b/i.test(plain) && !NOT_A_CHANGE_NOW.test(plain))
  )
    return 'solution';
  if (CAUSAL.test(plain)) return 'rootCause';
  return undefined;
}
