import type { CommandKind } from '../discovery/project.js';
import type { CommandResult } from './validation-result.js';
import { LINT_EXCLUDED_AFTER, LINT_OUTPUT_PARSERS } from './parsers/lint-output-parsers.js';
import type { ParsedLint, ParsedTests } from './parsers/parsed-output.js';
import { parseJUnitXml } from './parsers/parse-junit-xml.js';
import { parseTrxReport } from './parsers/parse-trx-report.js';
import { EXCLUDED_AFTER, TEST_OUTPUT_PARSERS } from './parsers/test-output-parsers.js';

/** A machine-readable report a test command left behind (path relative to the project). */
export interface ReportFile {
  path: string;
  content: string;
}

export interface CommandOutput {
  kind: CommandKind;
  /** The command's output, already redacted. */
  output: string;
  /** Reports written during the run, already redacted. */
  reports?: ReportFile[];
}

/** Enough failures and issues to act on; the counts keep the full numbers. */
const MAX_FAILURES = 100;
const MAX_ISSUES = 500;

/**
 * Read what a command's results were. Test results come from report files when
 * the run left any (they are exact and complete), otherwise from the runners'
 * printed summaries; lint results from the linters' printed findings. Install
 * output is not read. Pure: the caller finds and reads the report files.
 */
export function parseCommandOutput(input: CommandOutput): Pick<CommandResult, 'tests' | 'lint'> {
  if (input.kind === 'test') {
    const tests = readReports(input.reports ?? []) ?? readTestOutput(input.output);
    return tests ? { tests: { ...tests, failures: tests.failures.slice(0, MAX_FAILURES) } } : {};
  }
  if (input.kind === 'lint') {
    const lint = readLintOutput(input.output);
    return lint ? { lint: { ...lint, issues: lint.issues.slice(0, MAX_ISSUES) } } : {};
  }
  return {};
}

function readReports(reports: ReportFile[]): ParsedTests | undefined {
  const parsed = reports
    .map((report) =>
      report.path.endsWith('.trx')
        ? parseTrxReport(report.content, report.path)
        : parseJUnitXml(report.content, report.path),
    )
    .filter((result): result is ParsedTests => result !== null);
  return mergeTests(parsed);
}

function readTestOutput(output: string): ParsedTests | undefined {
  return mergeTests(runParsers(TEST_OUTPUT_PARSERS, EXCLUDED_AFTER, output));
}

/** Run every reader in order, leaving out those an earlier match excludes. */
function runParsers<T>(
  parsers: readonly { name: string; parse(text: string): T | null }[],
  excludedAfter: Readonly<Record<string, readonly string[]>>,
  output: string,
): T[] {
  const found: T[] = [];
  const excluded = new Set<string>();
  for (const parser of parsers) {
    if (excluded.has(parser.name)) continue;
    const result = parser.parse(output);
    if (result === null) continue;
    found.push(result);
    for (const name of excludedAfter[parser.name] ?? []) excluded.add(name);
  }
  return found;
}

function mergeTests(results: ParsedTests[]): ParsedTests | undefined {
  if (results.length === 0) return undefined;
  const notes = results.map((result) => result.note).filter((note): note is string => note !== undefined);
  return {
    counts: {
      passed: sum(results, (result) => result.counts.passed),
      failed: sum(results, (result) => result.counts.failed),
      skipped: sum(results, (result) => result.counts.skipped),
    },
    failures: results.flatMap((result) => result.failures),
    parsedFrom: summarizeSources(results.map((result) => result.parsedFrom)),
    ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
  };
}

/**
 * Lint commands often chain linters (`eslint . && tsc --noEmit`); every reader
 * that recognises something contributes. Readers whose formats overlap
 * exclude each other in the registry, so no issue is counted twice.
 */
function readLintOutput(output: string): ParsedLint | undefined {
  const results = runParsers(LINT_OUTPUT_PARSERS, LINT_EXCLUDED_AFTER, output);
  if (results.length === 0) return undefined;
  return {
    errors: sum(results, (result) => result.errors),
    warnings: sum(results, (result) => result.warnings),
    issues: results.flatMap((result) => result.issues),
    parsedFrom: summarizeSources(results.map((result) => result.parsedFrom)),
  };
}

function summarizeSources(sources: string[]): string {
  const unique = [...new Set(sources)];
  return unique.length > 5
    ? `${unique.slice(0, 5).join(', ')} and ${unique.length - 5} more`
    : unique.join(', ');
}

function sum<T>(items: T[], pick: (item: T) => number): number {
  return items.reduce((total, item) => total + pick(item), 0);
}
