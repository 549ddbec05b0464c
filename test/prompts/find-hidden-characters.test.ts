import { describe, expect, it } from 'vitest';
import type { ChangedFile } from '../../src/code/diff/changed-file.js';
import { findHiddenCharacters } from '../../src/prompts/find-hidden-characters.js';
import { revealInvisibleCharacters } from '../../src/prompts/invisible-characters.js';

function file(lines: string[], path = 'src/a.ts'): ChangedFile {
  const patch = `@@ -1,1 +1,${lines.length + 1} @@\n context\n${lines.map((l) => `+${l}`).join('\n')}`;
  return { path, status: 'modified', additions: lines.length, deletions: 0, patch };
}

describe('findHiddenCharacters', () => {
  it('reports a bidi override on an added line as a high security finding', () => {
    expect(findHiddenCharacters([file(['if (role === "user\u202e // admin") {'])])).toEqual([
      expect.objectContaining({
        area: 'security',
        ruleId: 'security/hidden-unicode',
        severity: 'high',
        file: 'src/a.ts',
        line: 2,
        origin: 'rule',
      }),
    ]);
  });

  it('reports a zero-width space hidden in an identifier as medium and names the code point', () => {
    const [finding] = findHiddenCharacters([file(['const is\u200bAdmin = false;'])]);
    expect(finding?.severity).toBe('medium');
    expect(finding?.explanation).toContain('U+200B');
  });

  it('ignores removed and context lines', () => {
    const patch = '@@ -1,2 +1,1 @@\n ctx\u200b\n-old\u202e';
    expect(
      findHiddenCharacters([{ path: 'a', status: 'modified', additions: 0, deletions: 1, patch }]),
    ).toEqual([]);
  });

  it('leaves emoji sequences and right-to-left text alone', () => {
    expect(
      findHiddenCharacters([file(['const family = "👨\u200d👩\u200d👧";', 'const fa = "می\u200cخواهم";'])]),
    ).toEqual([]);
  });

  it('does not flag the byte-order mark that starts a file', () => {
    const patch = '@@ -0,0 +1,1 @@\n+\ufeffexport {};';
    expect(
      findHiddenCharacters([{ path: 'a.ts', status: 'added', additions: 1, deletions: 0, patch }]),
    ).toEqual([]);
  });

  it('makes hidden characters visible for the model', () => {
    expect(revealInvisibleCharacters('a\u202eb\u200bc')).toBe('a[U+202E]b[U+200B]c');
  });
});
