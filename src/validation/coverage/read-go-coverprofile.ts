import { recordHits, type CoverageData } from './line-hits.js';

const BLOCK = /^(.+):(\d+)\.\d+,(\d+)\.\d+ (\d+) (\d+)$/;

/**
 * Reads a Go coverage profile (`go test -coverprofile`): `file:startLine.col,endLine.col
 * statements count` per block. A line is measured when a block with statements spans it, and
 * covered when any such block ran.
 */
export function readGoCoverprofile(text: string): CoverageData | null {
  if (!/^mode: (?:set|count|atomic)\s*$/m.test(text)) return null;
  const files = new Map<string, Map<number, number>>();
  for (const raw of text.split('\n')) {
    const match = BLOCK.exec(raw.trim());
    if (!match?.[1] || match[5] === undefined) continue;
    if (Number(match[4]) === 0) continue;
    const [start, end, count] = [Number(match[2]), Number(match[3]), Number(match[5])];
    for (let line = start; line <= end && line - start < 10_000; line++)
      recordHits(files, match[1], line, count);
  }
  return { format: 'Go coverprofile', files };
}
