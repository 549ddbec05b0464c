import type { CommandResult } from './validation-result.js';

/**
 * What runners print when they found nothing to run. Several exit non-zero on purpose then
 * (pytest 5, Jest and Vitest 1), which is no test failure; others exit 0, which is no pass.
 */
const NO_TESTS_LINES: readonly RegExp[] = [
  /^=+ no tests ran in [\d.]+s =+$/m, // pytest
  /^collected 0 items\b/m, // pytest
  /^No test files found, exiting with code 1$/m, // Vitest
  /^No tests found, exiting with code 1\b/m, // Jest
  /^No tests executed!$/m, // PHPUnit
  /^\[INFO\] No tests to run\.$/m, // Maven Surefire
  /^No test is available in /m, // dotnet test
];

/** `go test` over packages that all lack tests prints only `? <pkg> [no test files]` lines. */
function onlyGoPackagesWithoutTests(output: string): boolean {
  return /\[no test files\]$/m.test(output) && !/^(?:ok|FAIL|---|PASS|panic:)\b/m.test(output);
}

/**
 * True when a test command finished without running a single test. After a zero exit: its
 * counts are all zero (or only skipped), or, with no counts read, a runner said it found none.
 * After a non-zero exit only the runner's own words count: zero counts there are more often a
 * suite that failed to load, which is a failure. A timeout is never "no tests".
 */
export function ranNoTests(
  result: Pick<CommandResult, 'tests' | 'outcome' | 'exitCode'>,
  output: string,
): boolean {
  if (result.outcome !== 'passed' && result.outcome !== 'failed') return false;
  const counts = result.tests?.counts;
  if (counts && counts.failed > 0) return false;
  const said = NO_TESTS_LINES.some((pattern) => pattern.test(output)) || onlyGoPackagesWithoutTests(output);
  if (result.exitCode !== 0) return said;
  return counts ? counts.passed === 0 : said;
}
