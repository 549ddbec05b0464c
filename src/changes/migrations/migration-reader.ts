import type { DiffLine } from '../../code/diff/changed-file.js';
import type { FileChange } from '../../code/file-change.js';
import type { EffectsRecorder } from './migration-effects.js';

/** Whether an edit touched any line from `line` to `endLine` (everything, for a new file). */
export type TouchedLines = (line: number, endLine: number) => boolean;

/** Reads one migration format's effects from a changed file (usually its new side), keeping to what `touched` accepts. */
export type MigrationReader = (change: FileChange, recorder: EffectsRecorder, touched: TouchedLines) => void;

/** Runs of consecutive lines, joined: a partial side is read one hunk at a time so line numbers stay right. */
export function contiguousBlocks(lines: DiffLine[]): { firstLine: number; text: string }[] {
  const blocks: { firstLine: number; lines: string[] }[] = [];
  let previous = -1;
  for (const line of lines) {
    const current = blocks[blocks.length - 1];
    if (current && line.line === previous + 1) current.lines.push(line.text);
    else blocks.push({ firstLine: line.line, lines: [line.text] });
    previous = line.line;
  }
  return blocks.map((block) => ({ firstLine: block.firstLine, text: block.lines.join('\n') }));
}
