import type { ReviewRule } from '../review-engine/review-rule.js';
import { debugOutput } from '../rules/code-review/debug-output.js';
import { largeFile } from '../rules/code-review/large-file.js';
import { longFunction } from '../rules/code-review/long-function.js';
import { todoComment } from '../rules/code-review/todo-comment.js';

/** The code review's deterministic rules (code-reviewer: quality, patterns, maintainability). */
export const codeReviewRules: readonly ReviewRule[] = [longFunction, todoComment, debugOutput, largeFile];
