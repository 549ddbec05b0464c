import type { ReviewRule } from '../review-engine/review-rule.js';

export const codeReviewRules: readonly ReviewRule[] = [];
