import type { ModelFinding } from './finding-schema.js';

export type DropReason = 'outside-diff' | 'low-confidence' | 'generic-advice';

export interface FilteredFindings {
  kept: ModelFinding[];
  dropped: Array<{ finding: ModelFinding; reason: DropReason }>;
}

export interface FilterOptions {
  /** Findings the model is less sure of are dropped; reviewers tire of maybes. */
  minConfidence?: number;
}

// Advice that fits every pull request, so it tells this one's author nothing.
const GENERIC_TITLES: readonly RegExp[] = [
  /rate[ -]?limit/i,
  /\b(add|adding|missing|more|lacks?|lack of|no|insufficient|consider)\b.*\b(logging|logs|monitoring|metrics|observability)\b/i,
  /\b(add|adding|missing|more|lacks?|lack of|no|insufficient|consider)\b.*\b(tests?|test coverage|unit tests?)\b/i,
  /\b(add|adding|missing|more|lacks?|lack of|consider)\b.*\b(documentation|docs|comments?|docstrings?|jsdoc)\b/i,
  /^consider\b/i,
];
const GENERIC_CATEGORIES =
  /^(rate-?limit(ing)?|logging|monitoring|observability|documentation|docs|tests?|testing|test-coverage|style|formatting|naming)$/i;

/**
 * Keeps the model findings worth a reviewer's time: on a line the pull request adds, at or
 * above the confidence threshold, and not generic advice. Says why each other one was dropped.
 */
export function filterModelFindings(
  findings: readonly ModelFinding[],
  addedLines: ReadonlyMap<string, ReadonlySet<number>>,
  { minConfidence = 0.8 }: FilterOptions = {},
): FilteredFindings {
  const result: FilteredFindings = { kept: [], dropped: [] };
  for (const finding of findings) {
    const reason = dropReason(finding, addedLines, minConfidence);
    if (reason) result.dropped.push({ finding, reason });
    else result.kept.push(finding);
  }
  return result;
}

function dropReason(
  finding: ModelFinding,
  addedLines: ReadonlyMap<string, ReadonlySet<number>>,
  minConfidence: number,
): DropReason | undefined {
  if (!addedLines.get(finding.file)?.has(finding.line)) return 'outside-diff';
  if (!(finding.confidence >= minConfidence)) return 'low-confidence';
  if (GENERIC_CATEGORIES.test(finding.category.trim()) || GENERIC_TITLES.some((p) => p.test(finding.title))) {
    return 'generic-advice';
  }
  return undefined;
}
