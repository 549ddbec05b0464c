import type { ReviewRule, RuleHit } from '../../review-engine/review-rule.js';
import { addedRuns } from '../../review-engine/reviewed-file.js';
import { blockExtent } from '../../review-engine/block-extent.js';
import { isCommentLine } from '../../review-engine/source-text.js';
import { functionStart } from './function-start.js';

/** The backend-developer guideline: keep functions under 40 lines. */
export const MAX_FUNCTION_LINES = 40;
/** Twice the limit is no longer a matter of taste. */
const MUCH_TOO_LONG = 2 * MAX_FUNCTION_LINES;

export const longFunction: ReviewRule = {
  id: 'code-review/long-function',
  severity: 'low',
  title: 'Long function',
  explanation: `A function this long usually does several things; it is harder to read, test and change (guideline: under ${MAX_FUNCTION_LINES} lines).`,
  fix: {
    default:
      'Split it into smaller functions named after what each step does (validate, load, compute, persist), and keep the top-level function a short sequence of those calls.',
  },
  check(file) {
    const language = file.language;
    if (!language || file.isTest) return [];
    const hits: RuleHit[] = [];
    for (const run of addedRuns(file)) {
      let coveredUntil = -1;
      run.forEach((line, index) => {
        if (index <= coveredUntil) return; // nested functions are part of the outer function's count
        const name = functionStart(line.text, language);
        if (!name) return;
        const extent = blockExtent(run, index, language);
        if (!extent) return;
        const body = run
          .slice(index, extent.end + 1)
          .filter((bodyLine) => bodyLine.text.trim() !== '' && !isCommentLine(bodyLine.text, language));
        if (body.length <= MAX_FUNCTION_LINES) return;
        coveredUntil = extent.end;
        hits.push({
          line: line.line,
          severity: body.length > MUCH_TOO_LONG ? 'medium' : 'low',
          // In an added file the run is the whole file: a function open at its end ends there.
          title: `Long function \`${name}\` (${body.length}${extent.closed || file.change.status === 'added' ? '' : '+'} lines)`,
        });
      });
    }
    return hits;
  },
};
