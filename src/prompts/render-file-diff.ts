import { parsePatchHunks } from '../code/diff/parse-patch.js';
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
  for (const hunk of parsePatchHunks(file.patch)) {
    lines.push(hunk.header);
    for (const line of hunk.lines) {
      const text = revealInvisibleCharacters(line.text);
      if (line.kind === 'add') lines.push(`+${line.line} | ${text}`);
      else if (line.kind === 'del') lines.push(`- | ${text}`);
      else lines.push(` ${line.line} | ${text}`);
    }
  }
  return lines.join('\n');
}
