import type { CommandKind } from '../discovery/project.js';

export type CommandOutcome = 'passed' | 'failed' | 'timed-out' | 'skipped' | 'error';

export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
}

export interface TestFailure {
  name: string;
  message?: string;
  file?: string;
  line?: number;
}

export interface LintIssue {
  severity: 'error' | 'warning';
  message: string;
  rule?: string;
  file?: string;
  line?: number;
}

/** What one install, test or lint command did. */
export interface CommandResult {
  kind: CommandKind;
  run: string;
  outcome: CommandOutcome;
  exitCode: number | null;
  durationMs: number;
  /** Why the command did not run or did not finish, in words a reader understands. */
  reason?: string;
  /** The last part of the output (at most 1 MB kept while running), already redacted. */
  outputTail: string;
  tests?: {
    counts: TestCounts;
    failures: TestFailure[];
    parsedFrom: string;
    /** What the counts leave out, e.g. passing tests a non-verbose `go test` does not list. */
    note?: string;
  };
  lint?: { errors: number; warnings: number; issues: LintIssue[]; parsedFrom: string };
  /** True when the output exceeded the kept limit and only its end is in `outputTail`. */
  outputTruncated?: boolean;
}

export interface ProjectValidation {
  /** Project path as in discovery. */
  project: string;
  outcome: 'passed' | 'failed' | 'skipped';
  commands: CommandResult[];
  /** Wall-clock time of the project's commands together. */
  durationMs?: number;
}

export interface ValidationSummary {
  status: 'passed' | 'failed' | 'skipped';
  projects: ProjectValidation[];
}
