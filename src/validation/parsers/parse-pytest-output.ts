import type { TestFailure } from '../validation-result.js';
import type { ParsedTests } from './parsed-output.js';
import { readCountWords, toPlainLines } from './plain-text.js';

const SUMMARY =
  /^=*\s*((?:\d+ (?:failed|passed|skipped|deselected|xfailed|xpassed|warnings?|errors?|rerun)(?:, )?)+) in [\d.]+s\b/;

/**
 * Read pytest's terminal output: the final `2 failed, 3 passed in 0.12s` line,
 * the `FAILED path::test - message` short summary, and the FAILURES section
 * for each failure's `path:line:` location.
 */
export function parsePytestOutput(text: string): ParsedTests | null {
  const lines = toPlainLines(text);
  const summary = lines.map((line) => SUMMARY.exec(line.trim())?.[1]).findLast((found) => found);
  if (summary === undefined) return null;
  const counts = readCountWords(summary);
  const locations = readFailureLocations(lines);
  const failures: TestFailure[] = [];
  for (const line of lines) {
    const match = /^(FAILED|ERROR) (\S+?)(?:::(\S+))?(?: - (.*))?$/.exec(line);
    if (!match?.[2]) continue;
    const file = match[2];
    const name = match[3] ? `${file}::${match[3]}` : file;
    const sectionLocations = match[3] ? (locations.get(sectionTitle(match[3])) ?? []) : [];
    // Prefer the deepest frame in the test's own file; else the deepest frame at all.
    const location =
      sectionLocations.findLast((candidate) => candidate.file === file) ?? sectionLocations.at(-1);
    failures.push({ name, ...(match[4] ? { message: match[4] } : {}), file, ...(location ?? {}) });
  }
  return {
    counts: {
      passed: (counts.get('passed') ?? 0) + (counts.get('xpassed') ?? 0),
      failed: (counts.get('failed') ?? 0) + (counts.get('error') ?? 0) + (counts.get('errors') ?? 0),
      skipped: (counts.get('skipped') ?? 0) + (counts.get('xfailed') ?? 0),
    },
    failures,
    parsedFrom: 'pytest output',
  };
}

/** pytest titles a failure section with the test id after the file: `Class.test_name[param]`. */
function sectionTitle(testId: string): string {
  return testId.replace(/::/g, '.');
}

/** Section title → the `path:line: …` frame lines in it, outermost first. */
function readFailureLocations(lines: string[]): Map<string, { file: string; line: number }[]> {
  const locations = new Map<string, { file: string; line: number }[]>();
  let title: string | undefined;
  for (const line of lines) {
    const header = /^_{3,} (.+?) _{3,}$/.exec(line);
    if (header?.[1]) {
      title = header[1].replace(/^ERROR (?:at \w+ of )?/, '');
      continue;
    }
    const location = /^(\S+?\.py):(\d+): \S/.exec(line);
    if (!title || !location?.[1] || !location[2]) continue;
    locations.set(title, [...(locations.get(title) ?? []), { file: location[1], line: Number(location[2]) }]);
  }
  return locations;
}
