import type { ChangedFile } from '../code/diff/changed-file.js';
import { parsePatch } from '../code/diff/parse-patch.js';
import type { Finding, Severity } from '../handoffs/finding.js';
import { codePointName, findInvisibleCharacters, type InvisibleKind } from './invisible-characters.js';

const SEVERITY: Record<InvisibleKind, Severity> = {
  'bidi-control': 'high',
  tag: 'high',
  'zero-width': 'medium',
};
const RANK: Record<Severity, number> = { high: 2, medium: 1, low: 0 };

/**
 * Reports zero-width, bidirectional-control and tag characters on the lines a pull request adds,
 * as `security/hidden-unicode` findings. They are reported rather than stripped: the code under
 * review is the author's, and a reviewer must see that it reads differently than it looks.
 */
export function findHiddenCharacters(files: readonly ChangedFile[]): Finding[] {
  const findings: Finding[] = [];
  for (const file of files) {
    for (const { line, text } of parsePatch(file.patch).added) {
      const hidden = findInvisibleCharacters(text, line === 1);
      if (hidden.length === 0) continue;
      const severity = hidden.map((h) => SEVERITY[h.kind]).reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
      const names = [...new Set(hidden.map((h) => codePointName(h.codePoint)))].join(', ');
      const hasBidi = hidden.some((h) => h.kind === 'bidi-control');
      findings.push({
        area: 'security',
        ruleId: 'security/hidden-unicode',
        severity,
        file: file.path,
        line,
        title: hasBidi
          ? 'Bidirectional control character in added code'
          : 'Invisible character in added code',
        explanation: `This line contains ${names}, which ${
          hasBidi ? 'reorders how the code is displayed' : 'is invisible in review'
        }, so the code can behave differently from how it reads.`,
        recommendation: `Remove ${names}, or write it as an escape sequence if the string really needs it.`,
        origin: 'rule',
      });
    }
  }
  return findings;
}
