import parseDiff from 'parse-diff';
import type { ChangedFile, FileStatus } from './changed-file.js';
import { hunksOfChunks, rememberHunks } from './parse-patch.js';

function splitPerFile(diff: string): string[] {
  const parts = diff.split(/^(?=diff --git )/m);
  return parts.filter((p) => p.startsWith('diff --git '));
}

function statusOf(file: parseDiff.File): FileStatus {
  if (file.new) return 'added';
  if (file.deleted) return 'removed';
  if (file.from !== undefined && file.to !== undefined && file.from !== file.to) return 'renamed';
  return 'modified';
}

/** Turns the output of `git diff` (whole repository) into the same shape GitHub's PR files API gives. */
export function parseGitDiff(diff: string): ChangedFile[] {
  const files: ChangedFile[] = [];
  for (const segment of splitPerFile(diff)) {
    const [meta] = parseDiff(segment);
    if (!meta) continue;
    const status = statusOf(meta);
    const path = status === 'removed' ? meta.from : meta.to;
    if (!path) continue;
    const file: ChangedFile = { path, status, additions: 0, deletions: 0 };
    if (status === 'renamed' && meta.from) file.previousPath = meta.from;
    const hunkStart = segment.search(/^@@ /m);
    if (hunkStart >= 0) {
      file.patch = segment.slice(hunkStart).replace(/\n$/, '');
      const hunks = hunksOfChunks(meta.chunks);
      for (const hunk of hunks)
        for (const line of hunk.lines) {
          if (line.kind === 'add') file.additions++;
          else if (line.kind === 'del') file.deletions++;
        }
      // The patch's hunks are read here already: change analysis and the reviews take them as they are.
      rememberHunks(file.patch, hunks);
    } else if (/^Binary files /m.test(segment) || /^GIT binary patch/m.test(segment)) {
      file.patchOmitted = 'binary';
    }
    files.push(file);
  }
  return files;
}
