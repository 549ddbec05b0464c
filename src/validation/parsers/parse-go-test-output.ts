import type { ParsedTests } from './parsed-output.js';
import { type GoTestRecord, tallyGoTests } from './go-test-tally.js';
import { toPlainLines } from './plain-text.js';

const RESULT_LINE = /^(\s*)--- (PASS|FAIL|SKIP): (\S+) \([\d.]+s\)$/;
const PACKAGE_LINE = /^(ok|FAIL|\?)\s+(\S+)\s+(?:[\d.]+s|\(cached\)|\[[^\]]+\])/;

/**
 * Read plain `go test` output, with or without `-v`. Without `-v` Go lists only
 * failing tests, so passing ones are not counted (the result's note says so).
 * Packages that failed to build count as one failure each.
 */
export function parseGoTestOutput(text: string): ParsedTests | null {
  const lines = toPlainLines(text);
  if (!lines.some((line) => PACKAGE_LINE.test(line)) && !lines.some((line) => RESULT_LINE.test(line)))
    return null;
  const records = readRecords(lines);
  const result = tallyGoTests(records, 'go test output');
  for (const line of lines) {
    const buildFailure = /^FAIL\s+(\S+)\s+\[(build failed|setup failed)\]/.exec(line);
    if (!buildFailure?.[1]) continue;
    result.counts.failed += 1;
    result.failures.push({
      name: buildFailure[1],
      message: `package ${buildFailure[2]}`,
      ...findCompileError(lines, buildFailure[1]),
    });
  }
  if (!records.some((record) => record.status === 'pass') && lines.some((line) => /^ok\s/.test(line))) {
    result.note =
      'go test lists passing tests only with -v or -json; packages that passed are not counted as tests';
  }
  return result;
}

/**
 * Attribute log lines to tests. With `-v`, a test's lines follow its
 * `=== RUN`/`=== CONT`/`=== NAME` marker; without it they are indented under its
 * `--- FAIL` line, four spaces deeper.
 */
function readRecords(lines: string[]): GoTestRecord[] {
  const records: GoTestRecord[] = [];
  const pending = new Map<string, string[]>();
  let streaming: string | undefined;
  let underResult: { record: GoTestRecord; indent: number } | undefined;
  for (const line of lines) {
    const marker = /^=== (?:RUN|CONT|NAME|PAUSE)\s+(\S+)/.exec(line);
    if (marker?.[1]) {
      streaming = marker[1];
      underResult = undefined;
      continue;
    }
    const result = RESULT_LINE.exec(line);
    if (result?.[2] && result[3]) {
      const record: GoTestRecord = {
        test: result[3],
        status: result[2].toLowerCase() as GoTestRecord['status'],
        output: pending.get(result[3]) ?? [],
      };
      records.push(record);
      underResult = { record, indent: (result[1]?.length ?? 0) + 4 };
      streaming = undefined;
      continue;
    }
    if (
      underResult &&
      line.startsWith(' '.repeat(underResult.indent)) &&
      !line.trimStart().startsWith('--- ')
    )
      underResult.record.output.push(line);
    else if (streaming && /^\s+\S/.test(line))
      pending.set(streaming, [...(pending.get(streaming) ?? []), line]);
    else underResult = undefined;
  }
  return records;
}

/** `# example.com/calc` followed by `./calc.go:3:1: syntax error…` lines. */
function findCompileError(lines: string[], packagePath: string): { file?: string; line?: number } {
  const header = lines.findIndex((line) => line.startsWith(`# ${packagePath}`));
  const error =
    header === -1 ? undefined : /^\.?\/?([\w./-]+\.go):(\d+)(?::\d+)?: /.exec(lines[header + 1] ?? '');
  return error?.[1] ? { file: error[1], line: Number(error[2]) } : {};
}
