import type { ChangedFile, FileStatus } from '../code/diff/changed-file.js';
import type { IssueComment } from './gateway.js';

export { statusOf } from './describe-github-failure.js';

/** An issue comment as the pipeline sees it. */
export function toComment(raw: {
  id: number;
  body?: string | undefined;
  html_url: string;
  user?: { login: string } | null;
}): IssueComment {
  return { id: raw.id, body: raw.body ?? '', htmlUrl: raw.html_url, author: raw.user?.login ?? '' };
}

/** A PR file as the pipeline sees it; says why a patch is missing when GitHub left it out. */
export function toChangedFile(raw: {
  filename: string;
  previous_filename?: string | undefined;
  status: string;
  additions: number;
  deletions: number;
  patch?: string | undefined;
}): ChangedFile {
  const file: ChangedFile = {
    path: raw.filename,
    status: raw.status as FileStatus,
    additions: raw.additions,
    deletions: raw.deletions,
  };
  if (raw.previous_filename) file.previousPath = raw.previous_filename;
  if (raw.patch !== undefined) file.patch = raw.patch;
  // GitHub leaves `patch` out for binary files (no line counts) and for diffs too large to show.
  else if (raw.additions + raw.deletions > 0) file.patchOmitted = 'too-large';
  else if (raw.status !== 'renamed' && raw.status !== 'removed') file.patchOmitted = 'binary';
  return file;
}
