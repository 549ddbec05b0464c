import type { LintIssue, TestCounts, TestFailure } from '../validation-result.js';

/** Test results read from one command's output or report files. */
export interface ParsedTests {
  counts: TestCounts;
  failures: TestFailure[];
  /** Which format the results were read from, e.g. `pytest output`, `JUnit XML: build/test-results/test/TEST-x.xml`. */
  parsedFrom: string;
  note?: string;
}

/** Lint results read from one command's output. */
export interface ParsedLint {
  errors: number;
  warnings: number;
  issues: LintIssue[];
  parsedFrom: string;
}

/** A pure reader of one tool's output: null when the text does not look like that tool's. */
export interface TestOutputParser {
  name: string;
  parse(text: string): ParsedTests | null;
}

export interface LintOutputParser {
  name: string;
  parse(text: string): ParsedLint | null;
}

/** Counts lint issues by severity. */
export function lintFromIssues(issues: LintIssue[], parsedFrom: string): ParsedLint {
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return { errors, warnings: issues.length - errors, issues, parsedFrom };
}
