import type { ReviewRule } from '../../review-engine/review-rule.js';
import { matchingLines } from '../../review-engine/review-rule.js';

/** `SELECT *` inside a string literal, or opening a line of a multi-line SQL string. */
const SELECT_STAR_IN_STRING = /["'`][^"'`]*\bSELECT\s+\*\s+FROM\b|^\s*SELECT\s+\*\s+FROM\b/i;
/** `EXISTS (SELECT * …)` reads no columns. */
const EXISTS_SUBQUERY = /\bEXISTS\s*\(\s*SELECT\s+\*/i;

export const selectStar: ReviewRule = {
  id: 'performance/select-star',
  severity: 'low',
  title: '`SELECT *` in application code',
  explanation:
    '`SELECT *` reads every column, including large ones added later, defeats covering indexes and breaks silently when columns change.',
  fix: {
    default: 'List the columns the code uses: `SELECT id, email, created_at FROM users …`.',
  },
  check(file) {
    if (!file.language || file.isTest) return [];
    return matchingLines(file, (text) => SELECT_STAR_IN_STRING.test(text) && !EXISTS_SUBQUERY.test(text));
  },
};
