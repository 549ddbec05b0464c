import type { ReviewRule } from '../review-engine/review-rule.js';

export const performanceRules: readonly ReviewRule[] = [];
