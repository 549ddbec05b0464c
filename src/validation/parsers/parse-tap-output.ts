import { parse as parseYaml } from 'yaml';
import type { TestFailure } from '../validation-result.js';
import type { ParsedTests } from './parsed-output.js';
import { splitLocation, toCount, toPlainLines } from './plain-text.js';

/**
 * Read TAP 13/14 (`node --test --test-reporter=tap`, tape, node-tap): counts
 * from the trailing `# pass N` comments, failures from `not ok` lines and their
 * YAML diagnostic blocks (`location`, `error`). Suites that failed only because
 * a subtest failed are not counted twice.
 */
export function parseTapOutput(text: string): ParsedTests | null {
  const lines = toPlainLines(text);
  if (!lines.some((line) => /^TAP version \d+$|^\s*1\.\.\d+$/.test(line))) return null;
  const totals = new Map<string, number>();
  for (const line of lines) {
    const match = /^# (tests|pass|fail|cancelled|skipped|skip|todo) (\d+)$/.exec(line);
    if (match?.[1]) totals.set(match[1], toCount(match[2]));
  }
  if (!totals.has('pass') && !totals.has('fail')) return null;
  return {
    counts: {
      passed: totals.get('pass') ?? 0,
      failed: (totals.get('fail') ?? 0) + (totals.get('cancelled') ?? 0),
      skipped: (totals.get('skipped') ?? 0) + (totals.get('skip') ?? 0) + (totals.get('todo') ?? 0),
    },
    failures: readFailures(lines),
    parsedFrom: 'TAP output',
  };
}

function readFailures(lines: string[]): TestFailure[] {
  const failures: TestFailure[] = [];
  lines.forEach((line, index) => {
    const match = /^(\s*)not ok \d+(?: -)? (.*?)(?: # (?:TODO|SKIP).*)?$/i.exec(line);
    if (!match?.[2] || /# TODO/i.test(line)) return;
    const diagnostic = readDiagnostic(lines, index + 1);
    if (diagnostic.type === 'suite' || diagnostic.failureType === 'subtestsFailed') return;
    const location = typeof diagnostic.location === 'string' ? splitLocation(diagnostic.location) : undefined;
    const message = typeof diagnostic.error === 'string' ? diagnostic.error.trim() : undefined;
    failures.push({ name: match[2], ...(message ? { message } : {}), ...(location ?? {}) });
  });
  return failures;
}

/** The YAML block between `---` and `...` right after a test line, or nothing. */
function readDiagnostic(lines: string[], from: number): Record<string, unknown> {
  const opening = /^(\s*)---$/.exec(lines[from] ?? '');
  if (!opening) return {};
  const indent = opening[1]?.length ?? 0;
  const end = lines.findIndex((line, index) => index > from && line.trim() === '...');
  if (end === -1) return {};
  const block = lines.slice(from + 1, end).map((line) => line.slice(indent));
  try {
    const parsed: unknown = parseYaml(block.join('\n'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
