import type { Span } from '../../../code/view/code-view.js';
import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';

/** Statements in a function past which it usually does several things (the guideline's 40 lines, counted in statements so data literals do not count). */
export const MAX_FUNCTION_STATEMENTS = 40;
/** Twice the limit is no longer a matter of taste. */
const MUCH_TOO_LONG = 2 * MAX_FUNCTION_STATEMENTS;

/** An Elixir module's `do` block reads as a function in the tree, but it holds functions: it is not one. */
const MODULE_BLOCK = /^\s*(?:defmodule|defimpl|defprotocol)\b/;

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
   * Fires only where this pull request wrote a long function: most of its statements are
   * new lines (not re-laid out or moved), and without them it was within the limit. A function only renamed, or
   * nudged past the limit by a line or two, is not this PR's doing. One finding per file,
   * on its longest such function: a file of long functions is one conversation.
   */
  check(file) {
    if (!file.language || file.isTest) return [];
    // A finding needs more than half of over MAX statements added: fewer added lines cannot
    // make one, and the file's syntax tree is not read for them.
    if (file.added.length <= MAX_FUNCTION_STATEMENTS / 2) return [];
    const view = file.view();
    if (!view) return [];
    // Lines only re-laid out or moved were written before: they count as the function's old length.
    const added = new Set(
      file.added
        .filter((line) => !['formatting', 'moved'].includes(file.kindOf(line)))
        .map((line) => line.line),
    );
    const long = view.spans.filter((span) => {
      if (span.kind !== 'function' || span.statementLines.length <= MAX_FUNCTION_STATEMENTS) return false;
      if (file.language === 'elixir' && MODULE_BLOCK.test(view.line(span.startLine)?.text ?? ''))
        return false;
      const addedStatements = span.statementLines.filter((line) => added.has(line)).length;
      const before = span.statementLines.length - addedStatements;
      return before <= MAX_FUNCTION_STATEMENTS && addedStatements * 2 >= span.statementLines.length;
    });
    // A long callback inside a long function is the same problem, told once.
    const outermost = long.filter((span) => !long.some((outer) => contains(outer, span)));
    const longest = outermost.sort((a, b) => b.statementLines.length - a.statementLines.length)[0];
    if (!longest) return [];
    const count = longest.statementLines.length;
    const others = outermost.length - 1;
    const hit: RuleHit = {
      line: longest.startLine,
      severity: count > MUCH_TOO_LONG ? 'medium' : 'low',
      title: `Long function${longest.name ? ` \`${longest.name}\`` : ''} (${count} statements)${others > 0 ? `, and ${others} more in this file` : ''}`,
    };
    return [hit];
  },
};
