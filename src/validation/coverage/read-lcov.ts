import { recordHits, type CoverageData } from './line-hits.js';

/**
 * Reads lcov's tracefile format (`lcov.info` from Jest, Vitest, c8, nyc, genhtml's input):
 * `SF:<file>` opens a file, `DA:<line>,<hits>` measures a line, `end_of_record` closes it.
 */
export function readLcov(text: string): CoverageData | null {
  if (!/^SF:/m.test(text)) return null;
  const files = new Map<string, Map<number, number>>();
  let current: string | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('SF:')) current = line.slice(3);
    else if (line === 'end_of_record') current = undefined;
    else if (current !== undefined && line.startsWith('DA:')) {
      const [lineNumber, hits] = line.slice(3).split(',');
      recordHits(files, current, Number(lineNumber), Number(hits));
    }
  }
  return { format: 'lcov', files };
}
