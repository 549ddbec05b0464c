import type { ReviewRule } from '../review-engine/review-rule.js';

export const apiDesignRules: readonly ReviewRule[] = [];
