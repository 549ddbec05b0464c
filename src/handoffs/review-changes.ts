import type { ChangedFile } from '../code/diff/changed-file.js';
import type { Finding } from './finding.js';
import type { HandoffArea } from './handoff-area.js';
import type { ReviewContext } from './review-context.js';
import type { ReviewRule } from './review-engine/review-rule.js';
import { runRules } from './review-engine/run-rules.js';
import { apiDesignRules } from './reviewers/api-design.js';
import { codeReviewRules } from './reviewers/code-review.js';
import { databaseRules } from './reviewers/database.js';
import { devopsRules } from './reviewers/devops.js';
import { performanceRules } from './reviewers/performance.js';
import { qaRules } from './reviewers/qa.js';
import { securityRules } from './reviewers/security.js';

export type { ReviewContext } from './review-context.js';

/** Each area's deterministic rules. */
export const RULES_BY_AREA: Readonly<Record<HandoffArea, readonly ReviewRule[]>> = {
  security: securityRules,
  performance: performanceRules,
  'code-review': codeReviewRules,
  'api-design': apiDesignRules,
  qa: qaRules,
  devops: devopsRules,
  database: databaseRules,
};

/**
 * Runs one area's deterministic rules over the lines a pull request added (and, for rules about deletions,
 * the lines it removed). Generated, vendored, minified and lockfiles are skipped. Findings are sorted by file and line.
 */
export function reviewChanges(
  area: HandoffArea,
  files: ChangedFile[],
  context: ReviewContext = {},
): Finding[] {
  return runRules(area, RULES_BY_AREA[area], files, context);
}
