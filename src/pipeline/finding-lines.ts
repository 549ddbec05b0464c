import type { ChangedFile } from '../code/diff/changed-file.js';
import { parsePatch } from '../code/diff/parse-patch.js';
import type { Finding } from '../handoffs/finding.js';
import { fingerprintOf } from '../handoffs/fingerprint-finding.js';

/** The diff's lines of each file, by side and line number: what inline comments can anchor to. */
export interface DiffLines {
  /** The text of the line a finding points at, when the diff shows it (added, or removed for `LEFT`). */
  textOf(finding: Finding): string | undefined;
  /** The finding's fingerprint (see `fingerprintOf`). */
  fingerprintOf(finding: Finding): string;
}

/** Reads every patch once. */
export function diffLines(files: readonly ChangedFile[]): DiffLines {
  const added = new Map<string, Map<number, string>>();
  const removed = new Map<string, Map<number, string>>();
  for (const file of files) {
    const lines = parsePatch(file.patch);
    added.set(file.path, new Map(lines.added.map((l) => [l.line, l.text])));
    removed.set(file.path, new Map(lines.removed.map((l) => [l.line, l.text])));
  }
  const textOf = (finding: Finding): string | undefined =>
    (finding.side === 'LEFT' ? removed : added).get(finding.file)?.get(finding.line);
  return { textOf, fingerprintOf: (finding) => fingerprintOf(finding, textOf(finding)) };
}
