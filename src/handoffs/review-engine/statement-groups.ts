import type { DiffLine } from '../../code/diff/changed-file.js';
import type { CodeLanguage } from '../../code/language.js';
import { codeOnly } from './source-text.js';

/**
 * Splits a run of added lines into statements: a statement ends on a line where every bracket opened
 * since its start is closed again. `cors({\n origin: true,\n credentials: true\n})` is one statement;
 * two `app.use(...)` lines are two.
 */
export function statementGroups(run: readonly DiffLine[], language: CodeLanguage | null): DiffLine[][] {
  const groups: DiffLine[][] = [];
  let current: DiffLine[] = [];
  let depth = 0;
  for (const line of run) {
    current.push(line);
    const code = codeOnly(line.text, language);
    depth += (code.match(/[([{]/g)?.length ?? 0) - (code.match(/[)\]}]/g)?.length ?? 0);
    if (depth <= 0) {
      groups.push(current);
      current = [];
      depth = 0;
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
