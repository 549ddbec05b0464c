import type { TestFailure } from '../validation-result.js';
import type { ParsedTests } from './parsed-output.js';

export type GoTestStatus = 'pass' | 'fail' | 'skip';

/** What `go test` said about one test, in either its text or its JSON form. */
export interface GoTestRecord {
  package?: string;
  test: string;
  status: GoTestStatus;
  /** The test's own log lines (`    calc_test.go:13: message`). */
  output: string[];
}

/**
 * Turn per-test records into counts and failures. Only leaf tests count: a
 * parent with subtests passes or fails because of them, and counting both
 * would report `TestTable` and `TestTable/two` as two failures.
 */
export function tallyGoTests(records: GoTestRecord[], parsedFrom: string): ParsedTests {
  const key = (record: GoTestRecord): string => `${record.package ?? ''}\u0000${record.test}`;
  const parents = new Set<string>();
  for (const record of records) {
    const parts = record.test.split('/');
    for (let depth = 1; depth < parts.length; depth += 1)
      parents.add(key({ ...record, test: parts.slice(0, depth).join('/') }));
  }
  const leaves = records.filter((record) => !parents.has(key(record)));
  const result: ParsedTests = { counts: { passed: 0, failed: 0, skipped: 0 }, failures: [], parsedFrom };
  for (const record of leaves) {
    if (record.status === 'pass') result.counts.passed += 1;
    if (record.status === 'skip') result.counts.skipped += 1;
    if (record.status === 'fail') {
      result.counts.failed += 1;
      result.failures.push(toFailure(record));
    }
  }
  return result;
}

function toFailure(record: GoTestRecord): TestFailure {
  const name = record.package ? `${record.package}.${record.test}` : record.test;
  const located = record.output
    .map((line) => /^\s*([\w.-]+\.go):(\d+): (.*)$/.exec(line))
    .find((match) => match);
  const message = located?.[3] ?? record.output.map((line) => line.trim()).find((line) => line.length > 0);
  return {
    name,
    ...(message ? { message } : {}),
    ...(located?.[1] ? { file: located[1], line: Number(located[2]) } : {}),
  };
}
