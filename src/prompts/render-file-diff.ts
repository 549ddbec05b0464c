import parseDiff from 'parse-diff';
import type { ChangedFile } from '../code/diff/changed-file.js';
import { revealInvisibleCharacters } from './invisible-characters.js';

/**
 * Renders one changed file for the model: a header naming the file, then each hunk with the
 * new-file line number on every added and context line, so a finding can cite a line exactly.
 * Removed lines carry no number: findings may only point at lines the pull request adds.
 */
export function renderFileDiff(file: ChangedFile): string {
  const rename = file.previousPath ? `, renamed from ${file.previousPath}` : '';
  const lines = [`### File: ${file.path} (${file.status}${rename}, +${file.additions} -${file.deletions})`];
  for (const parsed of parseDiff(file.patch ?? '')) {
    for (const chunk of parsed.chunks) {
      lines.push(chunk.content);
      for (const change of chunk.changes) {
        // git's "\ No newline at end of file" note is not a line of the file.
        if (change.content.startsWith('\\')) continue;
        const text = revealInvisibleCharacters(change.content.slice(1));
        if (change.type === 'add') lines.push(`+${change.ln} | ${text}`);
        else if (change.type === 'del') lines.push(`- | ${text}`);
        else lines.push(` ${change.ln2} | ${text}`);
      }
    }
  }
  return lines.join('\n');
}
