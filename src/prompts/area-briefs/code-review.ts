import type { AreaBrief } from './area-brief.js';

export const codeReviewBrief: AreaBrief = {
  area: 'code-review',
  reviewer: 'senior code reviewer',
  focus: 'correctness and maintainability of the changed code',
  checks: [
    'logic errors: wrong conditions, off-by-one, inverted checks, unhandled null or undefined, wrong variable',
    'errors swallowed or turned into success; promises not awaited; resources not closed',
    'business rules placed in controllers, or controllers reaching the database directly where the code has services or repositories',
    'global mutable state, hidden coupling, or configuration values hard-coded in logic',
    'a function that now does several unrelated things, or duplicated logic that already exists nearby',
    'a public function or type changed in a way that breaks its existing callers',
  ],
  leaveToOthers: 'security audits, performance tuning, API contract design and test coverage',
  relevantPaths: /\.(ts|tsx|js|mjs|cjs|py|go|rs|java|kt|rb|php|cs|ex|exs|scala|swift)$/i,
  relevantCode: /\b(if|else|catch|except|return|throw|raise|null|undefined|None|nil|async|await)\b/,
};
