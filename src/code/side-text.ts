import type { DiffLine } from './diff/changed-file.js';

/**
 * The text of a file side from its known lines, each at its own line number: where only a
 * diff's hunks are known, the lines between them are left blank, so a parser sees the
 * hunks where they are and every node keeps the file's line numbers.
 */
export function textOfLines(lines: readonly DiffLine[]): string {
  const out: string[] = [];
  for (const line of lines) {
    while (out.length < line.line - 1) out.push('');
    out[line.line - 1] = line.text;
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
