import type { ChangedFile } from '../code/diff/changed-file.js';
import { selectAnnotations } from '../validation/select-annotations.js';
import type { ValidationSummary } from '../validation/validation-result.js';
import type { ActionEnvironment } from './action-environment.js';

/** Test failures and lint findings on the PR's changed files, as annotations on those lines. */
export function annotateFailures(
  env: ActionEnvironment,
  validation: ValidationSummary,
  files: ChangedFile[],
): void {
  for (const a of selectAnnotations(
    validation,
    files.map((f) => f.path),
  )) {
    const where = { file: a.file, title: a.title, ...(a.line ? { line: a.line } : {}) };
    if (a.level === 'error') env.log.error(a.message, where);
    else env.log.warning(a.message, where);
  }
}
