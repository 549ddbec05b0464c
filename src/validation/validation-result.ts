import type { CommandKind } from '../discovery/project.js';
import type { FailureCause } from './causes/failure-cause.js';
import type { ProjectCoverage } from './coverage/measure-project-coverage.js';

export type { FailureCause };

/** `no-tests`: a test command that finished without running a single test (never a pass). */
export type CommandOutcome = 'passed' | 'failed' | 'timed-out' | 'skipped' | 'error' | 'no-tests';

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
  /** For a command that failed: the cause read from its output, with a hint. */
  cause?: FailureCause;
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
  /** `no-tests` when the test command ran no test and nothing failed. */
  outcome: 'passed' | 'failed' | 'skipped' | 'no-tests';
  commands: CommandResult[];
  /** Wall-clock time of the project's commands together. */
  durationMs?: number;
  /** The coverage reports the test command left, and the changed lines they measure. */
  coverage?: ProjectCoverage;
}

export interface ValidationSummary {
  status: 'passed' | 'failed' | 'skipped';
  projects: ProjectValidation[];
  /** Changed lines covered across the projects whose coverage reports measured any; absent otherwise. */
  coverage?: { covered: number; total: number; percent: number };
}
