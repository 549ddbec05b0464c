import type { DiffLine } from '../../../code/diff/changed-file.js';

/** Where a migration's reverse step starts, across frameworks. */
const DOWN_START =
  /\bdef\s+(?:down|downgrade)\b|\bfunction\s+down\s*\(|\b(?:async\s+)?down\s*\([^)]*\)\s*(?::\s*[\w<>]+\s*)?\{|exports\.down\b|\bdown\s*:\s*(?:async\s*)?(?:function|\()|\bvoid\s+Down\s*\(|--\s*\+(?:goose|migrate)\s+Down\b|--\s*migrate:down\b/i;
/** Where a migration's forward step starts. */
const UP_START =
  /\bdef\s+(?:up|upgrade|change)\b|\bfunction\s+up\s*\(|\b(?:async\s+)?up\s*\([^)]*\)\s*(?::\s*[\w<>]+\s*)?\{|exports\.up\b|\bup\s*:\s*(?:async\s*)?(?:function|\()|\bvoid\s+Up\s*\(|--\s*\+(?:goose|migrate)\s+Up\b|--\s*migrate:up\b/i;

/** Lines that do nothing: a down step made only of these is not a real down step. */
const EMPTY_BODY =
  /^\s*(?:pass|end|\}|\)|;|raise\s+ActiveRecord::IrreversibleMigration|raise\s+NotImplementedError.*|throw\s+new\s+Error.*|#.*|\/\/.*|--.*)?\s*$/;

/** Splits added lines into the forward (up) and reverse (down) parts of a migration. */
export function splitByDirection(lines: readonly DiffLine[]): { up: DiffLine[]; down: DiffLine[] } {
  const up: DiffLine[] = [];
  const down: DiffLine[] = [];
  let inDown = false;
  for (const line of lines) {
    if (DOWN_START.test(line.text)) inDown = true;
    else if (UP_START.test(line.text)) inDown = false;
    (inDown ? down : up).push(line);
  }
  return { up, down };
}

/** True when the reverse part does something (not just `pass` or "irreversible"). */
export function hasWorkingDownStep(down: readonly DiffLine[]): boolean {
  return down.slice(1).some((line) => !EMPTY_BODY.test(line.text));
}
