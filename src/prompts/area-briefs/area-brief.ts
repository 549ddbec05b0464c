import type { HandoffArea } from '../../handoffs/handoff-area.js';

/** What one specialist reviewer looks for, and which files matter most to them. */
export interface AreaBrief {
  area: HandoffArea;
  /** The reviewer's role, as the prompt names it. */
  reviewer: string;
  /** One sentence: what this review is for. */
  focus: string;
  /** Concrete problems to look for on added lines. */
  checks: readonly string[];
  /** What belongs to another area, so this one does not report it. */
  leaveToOthers: string;
  /** Paths this reviewer reads first when the diff does not fit the budget. */
  relevantPaths: RegExp;
  /** Added code this reviewer reads first when the diff does not fit the budget. */
  relevantCode: RegExp;
}
