import type { ChangedFile, FileStatus } from '../code/diff/changed-file.js';
import { MissingPermissionError, type IssueComment } from './gateway.js';

/** The HTTP status of an Octokit error, if it is one. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number')
    return error.status;
  return undefined;
}

/** Turns GitHub's 403 on a write into an instruction; anything else goes up unchanged. */
export async function writing<T>(operation: string, permission: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (statusOf(error) === 403) throw new MissingPermissionError(operation, permission);
    throw error;
  }
}

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
