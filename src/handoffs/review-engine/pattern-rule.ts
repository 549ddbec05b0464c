import type { DiffLine } from '../../code/diff/changed-file.js';
import type { Severity } from '../finding.js';
import { matchesInCode, type CodeMatchOptions } from './code-regions.js';
import type { CodeLanguage } from '../../code/language.js';
import type { LanguageFix } from './language-fix.js';
import { matchingLines, type ReviewRule } from './review-rule.js';
import type { ReviewedFile } from './reviewed-file.js';

/** Regular expressions per language; `any` applies to every code file. */
export type LanguagePatterns = Partial<Record<CodeLanguage | 'any', readonly RegExp[]>>;

/** A rule that fires on single added lines matching one of its language's patterns. */
export interface PatternRuleSpec {
  id: string;
  severity: Severity;
  title: string;
  explanation: string;
  fix: LanguageFix;
  patterns: LanguagePatterns;
  /** Lines matching one of these never fire (a safe variant of the same call). */
  unless?: readonly RegExp[];
  /** Test files are skipped unless this is true. */
  includeTests?: boolean;
  /** Further narrowing by file (paths, kinds). */
  appliesTo?: (file: ReviewedFile) => boolean;
  /**
   * Matches count only where they start in code, not inside a string or comment (a rule's own advice quoted
   * in a message); `quotedStart` also accepts a match that starts a string literal (`'NODE_TLS_…': '0'`).
   */
  inCode?: CodeMatchOptions;
}

function patternsFor(spec: PatternRuleSpec, language: CodeLanguage): readonly RegExp[] {
  return [...(spec.patterns.any ?? []), ...(spec.patterns[language] ?? [])];
}

/** Builds a single-line pattern rule; comment lines never match. */
export function patternRule(spec: PatternRuleSpec): ReviewRule {
  return {
    id: spec.id,
    severity: spec.severity,
    title: spec.title,
    explanation: spec.explanation,
    fix: spec.fix,
    check(file) {
      const language = file.language;
      if (!language || (file.isTest && !spec.includeTests)) return [];
      if (spec.appliesTo && !spec.appliesTo(file)) return [];
      const patterns = patternsFor(spec, language);
      if (patterns.length === 0) return [];
      // The syntax tree is only consulted for a line the text already matches.
      const matches = (pattern: RegExp, line: DiffLine): boolean => {
        if (!pattern.test(line.text)) return false;
        const lineRegions = spec.inCode ? file.view()?.line(line.line) : undefined;
        return lineRegions ? matchesInCode(pattern, lineRegions, spec.inCode) : true;
      };
      return matchingLines(
        file,
        (text, line) =>
          patterns.some((pattern) => matches(pattern, line)) &&
          !(spec.unless ?? []).some((pattern) => pattern.test(text)),
      );
    },
  };
}
