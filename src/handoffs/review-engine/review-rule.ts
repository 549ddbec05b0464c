import type { DiffLine } from '../../code/diff/changed-file.js';
import type { Severity } from '../finding.js';
import type { ReviewContext } from '../review-context.js';
import type { LanguageFix } from './language-fix.js';
import type { ReviewedFile } from './reviewed-file.js';
import { isCommentLine } from './line-kinds.js';

/** One place a rule fired; the rule's defaults fill whatever the hit leaves out. */
export interface RuleHit {
  line: number;
  side?: 'LEFT' | 'RIGHT';
  severity?: Severity;
  /** A title naming the evidence, when it says more than the rule's title. */
  title?: string;
  explanation?: string;
  /** The text the finding's fingerprint is computed from, when it is not the added line at `line`. */
  lineText?: string;
}

/** Everything a rule may look at besides the file it checks. */
export interface RuleInput {
  context: ReviewContext;
  /** All reviewable files of the pull request, for rules that compare files (tests next to sources…). */
  files: readonly ReviewedFile[];
}

/** A deterministic review rule: a stable id, what it means, how to fix it, and the check. */
export interface ReviewRule {
  /** `<area>/<name>`, stable across releases: fingerprints and docs depend on it. */
  id: string;
  severity: Severity;
  title: string;
  /** One line: why this is a problem. */
  explanation: string;
  fix: LanguageFix;
  check(file: ReviewedFile, input: RuleInput): RuleHit[];
}

/** Options for `matchingLines`. */
export interface LineMatchOptions {
  /** Comment lines count too (for rules about comments). */
  includeComments?: boolean;
}

/**
 * Hits for each added line where `matches` holds, skipping comment lines unless asked not to.
 * The text test runs first: a line is only looked up in the syntax tree when it matches, so a
 * file no rule fires on is never parsed.
 */
export function matchingLines(
  file: ReviewedFile,
  matches: (text: string, line: DiffLine) => boolean,
  options: LineMatchOptions = {},
): RuleHit[] {
  return file.added
    .filter((line) => matches(line.text, line))
    .filter((line) => options.includeComments || !isCommentLine(file, line))
    .map((line) => ({ line: line.line }));
}
