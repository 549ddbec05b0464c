import type { ChangedFile } from '../../code/diff/changed-file.js';
import { cappedList, code, plural } from '../markdown.js';

function describe(file: ChangedFile): string {
  const counts = file.additions + file.deletions > 0 ? ` (+${file.additions} −${file.deletions})` : '';
  const renamed = file.previousPath ? ` ← ${code(file.previousPath)}` : '';
  const omitted =
    file.patchOmitted === 'binary'
      ? ' — binary'
      : file.patchOmitted === 'too-large'
        ? ' — diff too large to show'
        : '';
  return `${code(file.path)}${renamed}${counts}${omitted}`;
}

function group(title: string, files: ChangedFile[]): string | undefined {
  if (files.length === 0) return undefined;
  return `**${title}** (${files.length})\n${cappedList(files.map(describe), { visible: 8, cap: 1000, noun: 'more files' })}`;
}

/** Files Added / Modified / Deleted, in the seeds' order; renames with their old path. */
export function renderFilesSection(files: ChangedFile[], heading = 'Files'): string {
  if (files.length === 0) return `### ${heading}\n\nThe pull request changes no files.`;
  const added = files.filter((f) => f.status === 'added' || f.status === 'copied');
  const removed = files.filter((f) => f.status === 'removed');
  const modified = files.filter((f) => !added.includes(f) && !removed.includes(f));
  const additions = files.reduce((n, f) => n + f.additions, 0);
  const deletions = files.reduce((n, f) => n + f.deletions, 0);
  const parts = [
    `### ${heading}`,
    `${plural(files.length, 'file')} changed, +${additions} −${deletions}.`,
    group('Files Added', added),
    group('Files Modified', modified),
    group('Files Deleted', removed),
  ];
  return parts.filter((p): p is string => p !== undefined).join('\n\n');
}
