/** One file a pull request touches, as GitHub's "list pull request files" or `git diff` describes it. */
export type FileStatus = 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed' | 'unchanged';

export interface ChangedFile {
  /** Path relative to the repository root, in the head commit (the old path for a removed file). */
  path: string;
  /** For renames: the path in the base commit. */
  previousPath?: string;
  status: FileStatus;
  additions: number;
  deletions: number;
  /**
   * The unified diff hunks for this file, without the `diff --git`/`---`/`+++` header (GitHub's `patch`).
   * Absent when GitHub or git gave none: see `patchOmitted`.
   */
  patch?: string;
  /** Why there is no patch: GitHub omits it for large diffs, and there is none for binary files. */
  patchOmitted?: 'too-large' | 'binary';
}

/** One added or removed line of a diff, with its line number (new file for added, old file for removed). */
export interface DiffLine {
  line: number;
  text: string;
}
