import type { DiffLine } from '../../code/diff/changed-file.js';
import { usesBraces, type CodeLanguage } from '../../code/language.js';
import { codeOnly, indentOf } from './source-text.js';

/** Where a block that starts on one line ends, within a run of added lines. */
export interface BlockExtent {
  /** Index (in the run) of the block's last line. */
  end: number;
  /** False when the run ended before the block did: the rest of the block is not in the diff. */
  closed: boolean;
}

/** How many lines after a signature the opening brace may come (Allman style, wrapped parameters). */
const OPENING_BRACE_LOOKAHEAD = 6;

function braceBlock(run: readonly DiffLine[], start: number, language: CodeLanguage): BlockExtent | null {
  let depth = 0;
  let opened = false;
  for (let index = start; index < run.length; index += 1) {
    const code = codeOnly(run[index]?.text ?? '', language);
    for (const character of code) {
      if (character === '{') {
        depth += 1;
        opened = true;
      } else if (character === '}') {
        depth -= 1;
      }
    }
    // Judged at the end of a line, so `function f(options = {}) {` still opens a block.
    if (opened && depth <= 0) return { end: index, closed: true };
    // A statement ended before any brace opened: no block here (an arrow function with an expression body…).
    if (!opened && (/;\s*$/.test(code) || index - start >= OPENING_BRACE_LOOKAHEAD)) return null;
  }
  return opened ? { end: run.length - 1, closed: false } : null;
}

function indentedBlock(run: readonly DiffLine[], start: number, language: CodeLanguage): BlockExtent {
  const startIndent = indentOf(run[start]?.text ?? '');
  let last = start;
  for (let index = start + 1; index < run.length; index += 1) {
    const text = run[index]?.text ?? '';
    if (text.trim() === '') continue;
    if (indentOf(text) <= startIndent) {
      // Ruby and Elixir close with `end` at the opening line's indentation; it belongs to the block.
      const closesBlock = language !== 'python' && /^\s*end\b/.test(text);
      return { end: closesBlock ? index : last, closed: true };
    }
    last = index;
  }
  return { end: last, closed: false };
}

/**
 * The extent of the block (function, loop, handler) whose header is `run[start]`: brace matching for
 * brace languages, indentation for Python, Ruby and Elixir. Null when no block opens there.
 */
export function blockExtent(
  run: readonly DiffLine[],
  start: number,
  language: CodeLanguage,
): BlockExtent | null {
  return usesBraces(language) ? braceBlock(run, start, language) : indentedBlock(run, start, language);
}
