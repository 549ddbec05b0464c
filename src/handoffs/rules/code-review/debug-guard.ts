import { usesBraces, type CodeLanguage } from '../../../code/language.js';
import type { LineRegions } from '../../review-engine/code-regions.js';
import { indentOf } from '../../review-engine/line-kinds.js';

/** A head line with its code (strings and comments blanked). */
export interface GuardLine {
  line: number;
  regions: LineRegions;
}

/** Output behind a debug or verbose switch (`if debug {`, `if self.debuglevel > 0:`) is there on purpose. */
export const DEBUG_GUARD = /\bif\b.*\b\w*(?:debug|verbose|trace)\w*\b/i;

/** How far up a guard is looked for: far enough for a long debug block, not the whole file. */
const LOOKBACK_LINES = 300;

function isBlank(regions: LineRegions): boolean {
  return regions.code.trim() === '';
}

/** Indented languages: each line above with less indentation opens a block that holds `index`. */
function indentedGuard(lines: readonly GuardLine[], index: number): boolean {
  let indent = indentOf(lines[index]?.regions.text ?? '');
  for (let above = index - 1; above >= 0 && above >= index - LOOKBACK_LINES && indent > 0; above -= 1) {
    const regions = lines[above]?.regions;
    if (!regions || isBlank(regions)) continue;
    const aboveIndent = indentOf(regions.text);
    if (aboveIndent >= indent) continue;
    if (DEBUG_GUARD.test(regions.code)) return true;
    // A function or class is as far as a guard can usefully be.
    if (/^\s*(?:async\s+)?(?:def|class)\b/.test(regions.code)) return false;
    indent = aboveIndent;
  }
  return false;
}

/** Brace languages: each `{` above that is not closed before `index` opens a block that holds it. */
function braceGuard(lines: readonly GuardLine[], index: number): boolean {
  let depth = 0;
  for (let above = index - 1; above >= 0 && above >= index - LOOKBACK_LINES; above -= 1) {
    const code = lines[above]?.regions.code ?? '';
    for (let position = code.length - 1; position >= 0; position -= 1) {
      if (code[position] === '}') depth += 1;
      else if (code[position] === '{' && depth > 0) depth -= 1;
      else if (code[position] === '{') {
        // `if (debug)` on the line of the brace, or on the line before an Allman-style brace.
        const header = code.slice(0, position).trim() === '' ? (lines[above - 1]?.regions.code ?? '') : code;
        if (DEBUG_GUARD.test(header)) return true;
      }
    }
  }
  return false;
}

/** True when the line at `index` sits inside a block opened by a debug or verbose condition. */
export function isInsideDebugBlock(
  lines: readonly GuardLine[],
  index: number,
  language: CodeLanguage,
): boolean {
  return usesBraces(language) ? braceGuard(lines, index) : indentedGuard(lines, index);
}

/** How many lines a call's arguments are read over. */
const CALL_LINES = 10;

/**
 * True for a Python `print(..., file=target)` whose target is not the console: it writes to a file or stream
 * on purpose (`print(headers, file=self._fp)`).
 */
export function printsToStream(lines: readonly GuardLine[], index: number): boolean {
  let call = '';
  let depth = 0;
  for (let next = index; next < lines.length && next < index + CALL_LINES; next += 1) {
    const code = lines[next]?.regions.code ?? '';
    call += ` ${code}`;
    depth += (code.match(/[([{]/g)?.length ?? 0) - (code.match(/[)\]}]/g)?.length ?? 0);
    if (depth <= 0) break;
  }
  const target = /\bfile\s*=\s*([\w.]+)/.exec(call)?.[1];
  return target !== undefined && !/^sys\.(?:stdout|stderr)$/.test(target);
}
