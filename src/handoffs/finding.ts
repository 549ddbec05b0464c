import type { HandoffArea } from './handoff-area.js';

export type Severity = 'high' | 'medium' | 'low';

/** One problem a reviewer found on a line the pull request added. */
export interface Finding {
  area: HandoffArea;
  /** Stable id of the rule (or `model:<category>` for model findings), e.g. `security/sql-concatenation`. */
  ruleId: string;
  severity: Severity;
  file: string;
  line: number;
  title: string;
  /** One line: why this is a problem. */
  explanation: string;
  /** A concrete fix. */
  recommendation: string;
  /** `rule` for deterministic reviewers, `model` for the optional LLM. */
  origin: 'rule' | 'model';
  /** 0–1, only for model findings. */
  confidence?: number;
  /**
   * Which side of the diff `line` counts on: `LEFT` for a line the pull request removed (a deleted test,
   * a removed endpoint), numbered in the base file. Absent means `RIGHT`, the head file.
   */
  side?: 'LEFT' | 'RIGHT';
  /** Stable id of this finding across re-runs (see `fingerprintFinding`), so inline comments are not repeated. */
  fingerprint?: string;
}
