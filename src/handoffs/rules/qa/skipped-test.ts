import type { CodeLanguage } from '../../../code/language.js';
import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import { isCommentLine } from '../../review-engine/line-kinds.js';

/** A skip marker, and whether the way it is written gives a reason. */
interface SkipPattern {
  pattern: RegExp;
  withReason?: boolean;
}

const JS_SKIPS: readonly SkipPattern[] = [
  { pattern: /\b(?:describe|it|test|context|suite|specify)\.skip\s*\(/ },
  { pattern: /(?<![\w.$])x(?:it|describe|test|context|specify)\s*\(/ },
];

const SKIPS: Readonly<Partial<Record<CodeLanguage, readonly SkipPattern[]>>> = {
  javascript: JS_SKIPS,
  typescript: JS_SKIPS,
  python: [
    { pattern: /@pytest\.mark\.skip\s*(?:\(\s*\))?\s*$/ },
    { pattern: /\bpytest\.skip\(\s*\)/ },
    { pattern: /@unittest\.skip\(\s*(?:""|'')?\s*\)/ },
  ],
  go: [{ pattern: /\bt\.(?:Skip|SkipNow|Skipf)\s*\(/ }],
  java: [
    { pattern: /@(?:Disabled|Ignore)\b(?!\s*\()/ },
    { pattern: /@(?:Disabled|Ignore)\s*\(\s*"/, withReason: true },
  ],
  kotlin: [
    { pattern: /@(?:Disabled|Ignore)\b(?!\s*\()/ },
    { pattern: /@(?:Disabled|Ignore)\s*\(\s*"/, withReason: true },
  ],
  csharp: [
    { pattern: /\[(?:Fact|Theory)\s*\(\s*Skip\s*=\s*"[^"]+"/, withReason: true },
    { pattern: /\[Ignore\s*\]/ },
    { pattern: /\[Ignore\s*\(\s*"/, withReason: true },
  ],
  ruby: [{ pattern: /^\s*x(?:it|describe|context|specify)\b/ }, { pattern: /^\s*(?:skip|pending)\s*$/ }],
  php: [
    { pattern: /markTest(?:Skipped|Incomplete)\s*\(\s*\)/ },
    { pattern: /markTest(?:Skipped|Incomplete)\s*\(\s*['"]/, withReason: true },
  ],
  rust: [{ pattern: /#\[ignore\]/ }, { pattern: /#\[ignore\s*=\s*"/, withReason: true }],
  elixir: [{ pattern: /@tag\s+:skip\b/ }, { pattern: /@tag\s+skip:\s*"/, withReason: true }],
};

/**
 * Go skips guarded by a condition (`if testing.Short()`, a `switch` on the OS) are deliberate. gofmt indents a
 * test body's top level by one tab: a skip there runs unconditionally.
 */
function isConditionalSkip(text: string): boolean {
  return /\bif\b/.test(text) || !/^(?:\t| {4})\S/.test(text);
}

export const skippedTest: ReviewRule = {
  id: 'qa/skipped-test',
  severity: 'medium',
  title: 'Test skipped',
  explanation:
    'A skipped test no longer protects the behaviour it covers, and skips tend to stay long after the reason is gone.',
  fix: {
    default:
      'Fix the test and remove the skip, or delete it and open an issue; if it must stay, give the reason and a link.',
    javascript:
      'Remove `.skip` / the `x` prefix once the test passes; for known failures prefer `it.todo` or `it.fails` with an issue link.',
    python:
      'Remove the skip, or use `@pytest.mark.skip(reason="…, see #123")` / `skipif` with a concrete condition.',
    go: 'Remove `t.Skip`, or guard it with a condition (`if testing.Short()`, a missing env var) and say why in the message.',
    java: 'Remove `@Disabled`, or give the reason: `@Disabled("flaky until #123 is fixed")`.',
    ruby: 'Remove `xit` / `skip`, or give a reason: `skip "waiting for #123"`.',
    rust: 'Remove `#[ignore]`, or give the reason: `#[ignore = "needs a database"]`.',
    csharp: 'Remove the skip, or give the reason: `[Fact(Skip = "flaky until #123")]`.',
  },
  check(file) {
    const language = file.language;
    // A fixture project's skipped test is sample input for tooling (a runner's output parser), not a suite.
    if (!language || !file.isTest || file.isFixture) return [];
    const patterns = SKIPS[language] ?? [];
    const hits: RuleHit[] = [];
    for (const line of file.added) {
      const skip = patterns.find(({ pattern }) => pattern.test(line.text));
      if (!skip || (language === 'go' && isConditionalSkip(line.text)) || isCommentLine(file, line)) continue;
      hits.push(skip.withReason ? { line: line.line, severity: 'low' } : { line: line.line });
    }
    return hits;
  },
};
