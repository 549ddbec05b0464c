import type { ReviewRule } from '../review-engine/review-rule.js';
import { foreignKeyWithoutIndex } from '../rules/performance/foreign-key-without-index.js';
import { queryInLoop } from '../rules/performance/query-in-loop.js';
import { selectStar } from '../rules/performance/select-star.js';
import { syncIoInHandler } from '../rules/performance/sync-io-in-handler.js';
import { unboundedQuery } from '../rules/performance/unbounded-query.js';

/** The performance review's deterministic rules (performance-engineer: queries, hot paths, resource use). */
export const performanceRules: readonly ReviewRule[] = [
  queryInLoop,
  selectStar,
  unboundedQuery,
  syncIoInHandler,
  foreignKeyWithoutIndex,
];
