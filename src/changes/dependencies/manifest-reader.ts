import type { DiffLine } from '../../code/diff/changed-file.js';
import type { FileSide } from '../../code/file-change.js';

/** A dependency as one side of a manifest or lockfile declares it. */
export interface DeclaredDependency {
  name: string;
  /** Version or constraint as written, null when none is given. */
  version: string | null;
  /** As `DependencyChange.scope`: absent for runtime dependencies. */
  scope?: string;
}

/** Reads the dependencies of one kind of manifest or lockfile. */
export interface ManifestReader {
  /** The file names it reads (matched against the path). */
  matches: RegExp;
  /** Files of one ecosystem in one folder pair up: a lockfile is read only when no manifest of its ecosystem there changed. */
  ecosystem: string;
  lockfile: boolean;
  /**
   * The dependencies the side declares. A side that is not the whole file holds only the
   * hunks: readers then work line by line, and a line they cannot place is left out.
   */
  read: (side: FileSide) => DeclaredDependency[];
  /** The key that identifies a dependency across versions (Go's `/v2` suffix names the same module). */
  identity?: (name: string) => string;
}

/** Calls `visit` for each run of consecutive lines (a hunk, or the whole file). */
export function forEachRun(lines: DiffLine[], visit: (run: DiffLine[]) => void): void {
  let run: DiffLine[] = [];
  for (const line of lines) {
    const previous = run[run.length - 1];
    if (previous && line.line !== previous.line + 1) {
      visit(run);
      run = [];
    }
    run.push(line);
  }
  if (run.length > 0) visit(run);
}

export function sideText(side: FileSide): string {
  return side.lines.map((line) => line.text).join('\n');
}

/** A declared dependency without an undefined scope field. */
export function declared(name: string, version: string | null, scope?: string): DeclaredDependency {
  return scope === undefined ? { name, version } : { name, version, scope };
}
