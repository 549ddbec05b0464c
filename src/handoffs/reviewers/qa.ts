import type { ReviewRule } from '../review-engine/review-rule.js';
import { focusedTest } from '../rules/qa/focused-test.js';
import { skippedTest } from '../rules/qa/skipped-test.js';
import { sourceWithoutTests } from '../rules/qa/source-without-tests.js';
import { testDeleted } from '../rules/qa/test-deleted.js';

/** The test coverage review's deterministic rules (qa-expert: tests for the change, no skipped or lost tests). */
export const qaRules: readonly ReviewRule[] = [sourceWithoutTests, testDeleted, focusedTest, skippedTest];
