import type { Span } from '../../../code/view/code-view.js';
import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';

/** Statements in a function past which it usually does several things (the guideline's 40 lines, counted in statements so data literals do not count). */
export const MAX_FUNCTION_STATEMENTS = 40;
/** Twice the limit is no longer a matter of taste. */
const MUCH_TOO_LONG = 2 * MAX_FUNCTION_STATEMENTS;

function contains(outer: Span, inner: Span): boolean {
  return outer !== inner && outer.startLine <= inner.startLine && inner.endLine <= outer.endLine;
}

export const longFunction: ReviewRule = {
  id: 'code-review/long-function',
  severity: 'low',
  title: 'Long function',
  explanation: `A function with this many statements usually does several things; it is harder to read, test and change (guideline: under ${MAX_FUNCTION_STATEMENTS}).`,
  fix: {
    default:
      'Split it into smaller functions named after what each step does (validate, load, compute, persist), and keep the top-level function a short sequence of those calls.',
  },
  /**
   * Fires only where this pull request made a function long: a new function past the limit,
   * or an existing one its added statements pushed past it. A function that was already long
   * is not this PR's doing.
   */
  check(file) {
    if (!file.language || file.isTest) return [];
    const view = file.view();
    if (!view) return [];
    const added = new Set(file.added.map((line) => line.line));
    const long = view.spans.filter((span) => {
      if (span.kind !== 'function' || span.statementLines.length <= MAX_FUNCTION_STATEMENTS) return false;
      const addedStatements = span.statementLines.filter((line) => added.has(line)).length;
      const isNew = added.has(span.startLine);
      return isNew || span.statementLines.length - addedStatements <= MAX_FUNCTION_STATEMENTS;
    });
    const hits: RuleHit[] = [];
    for (const span of long) {
      // A long callback inside a long function is the same problem, told once.
      if (long.some((outer) => contains(outer, span))) continue;
      const count = span.statementLines.length;
      hits.push({
        line: span.startLine,
        severity: count > MUCH_TOO_LONG ? 'medium' : 'low',
        title: `Long function${span.name ? ` \`${span.name}\`` : ''} (${count} statements)`,
      });
    }
    return hits;
  },
};
