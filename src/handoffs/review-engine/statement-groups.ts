import type { DiffLine } from '../../code/diff/changed-file.js';
import type { ReviewedFile } from './reviewed-file.js';

/**
 * Splits a run of added lines into statements, as the syntax tree has them:
 * `cors({\n origin: true,\n credentials: true\n})` is one statement; two `app.use(...)` lines are two.
 */
export function statementGroups(file: ReviewedFile, run: readonly DiffLine[]): DiffLine[][] {
  const view = file.view();
  const groups: DiffLine[][] = [];
  let current: DiffLine[] = [];
  let currentEnd = 0;
  for (const line of run) {
    const statement = view?.statementAt(line.line);
    if (current.length > 0 && line.line > currentEnd) {
      groups.push(current);
      current = [];
    }
    if (current.length === 0) currentEnd = statement?.endLine ?? line.line;
    current.push(line);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** How many lines a call's arguments, or an assignment's value, may span. */
const STATEMENT_LINES = 8;

/** The text of the statement starting at `run[start]`, as the syntax tree bounds it (at most a few lines). */
export function statementFrom(file: ReviewedFile, run: readonly DiffLine[], start: number): string {
  const first = run[start];
  if (!first) return '';
  const end = Math.min(
    file.view()?.statementAt(first.line)?.endLine ?? first.line,
    first.line + STATEMENT_LINES - 1,
  );
  return run
    .slice(start)
    .filter((line) => line.line <= end)
    .map((line) => line.text)
    .join('\n');
}
