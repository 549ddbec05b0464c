import type { ChangedFile } from '../code/diff/changed-file.js';
import type { ChangeAnalysis, FileGroups } from './change-analysis.js';

/** Sorts changed files by what happened to them, and adds up the lines. */
export function groupChangedFiles(files: ChangedFile[]): Pick<ChangeAnalysis, 'files' | 'totals'> {
  const groups: FileGroups = { added: [], modified: [], removed: [], renamed: [], withoutPatch: [] };
  const totals = { files: 0, additions: 0, deletions: 0 };
  for (const file of files) {
    if (file.status === 'unchanged') continue;
    totals.files++;
    totals.additions += file.additions;
    totals.deletions += file.deletions;
    if (file.status === 'added' || file.status === 'copied') groups.added.push(file.path);
    else if (file.status === 'removed') groups.removed.push(file.path);
    else if (file.status === 'renamed')
      groups.renamed.push({ from: file.previousPath ?? file.path, to: file.path });
    else groups.modified.push(file.path);
    const reason =
      file.patchOmitted ??
      (file.patch === undefined && file.additions + file.deletions > 0 ? 'too-large' : undefined);
    if (reason) groups.withoutPatch.push({ path: file.path, reason });
  }
  return { files: groups, totals };
}
