import { patternRule } from '../../review-engine/pattern-rule.js';

export const focusedTest = patternRule({
  id: 'qa/focused-test',
  severity: 'high',
  title: 'Focused test left in',
  explanation:
    'A focused test makes the runner skip every other test in the suite, so CI passes without running them.',
  fix: {
    default: 'Remove the focus marker before merging.',
    javascript: 'Replace `it.only(` / `describe.only(` / `fit(` / `fdescribe(` with `it(` / `describe(`.',
    ruby: 'Replace `fit` / `fdescribe` / `fcontext` with `it` / `describe` / `context` and drop `focus: true`.',
  },
  includeTests: true,
  appliesTo: (file) => file.isTest,
  patterns: {
    javascript: [
      /\b(?:describe|it|test|context|suite|specify)\.only\s*\(/,
      /(?<![\w.$])f(?:it|describe)\s*\(/,
    ],
    typescript: [
      /\b(?:describe|it|test|context|suite|specify)\.only\s*\(/,
      /(?<![\w.$])f(?:it|describe)\s*\(/,
    ],
    ruby: [/^\s*f(?:it|describe|context|specify)\s+['"]/, /\bfocus:\s*true\b/, /,\s*:focus\b/],
  },
});
