import parseDiff from 'parse-diff';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/redaction/redact-secrets.js';
import { redactPatch } from '../../src/redaction/redact-patch.js';

const redact = createRedactor();
const body = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3';

describe('redactPatch', () => {
  it('removes a private key written over several added lines, keeping every line and its marker', () => {
    const patch = [
      '@@ -1,2 +1,6 @@',
      ' const a = 1;',
      '+const key = `',
      '+-----BEGIN PRIVATE KEY-----',
      `+${body}`,
      '+-----END PRIVATE KEY-----',
      '+`;',
      ' export { a };',
    ].join('\n');
    const redacted = redactPatch(patch, redact);
    expect(redacted).not.toContain(body);
    expect(redacted.split('\n')).toEqual([
      '@@ -1,2 +1,6 @@',
      ' const a = 1;',
      '+const key = `',
      '+[redacted: private key]',
      '+',
      '+',
      '+`;',
      ' export { a };',
    ]);
    // Still a diff with the same added line numbers.
    const [file] = parseDiff(`--- a/x\n+++ b/x\n${redacted}`);
    const added = file?.chunks[0]?.changes.filter((c) => c.type === 'add').map((c) => ('ln' in c ? c.ln : 0));
    expect(added).toEqual([2, 3, 4, 5, 6]);
  });

  it('redacts removed and context lines and hunk headers too, and never joins two hunks', () => {
    const token = `ghp_${'x'.repeat(36)}`;
    const patch = [
      `@@ -1 +1 @@ function f() { // ${token}`,
      `-old ${token}`,
      '+new',
      '@@ -9 +9 @@',
      ' -----END PRIVATE KEY-----',
    ].join('\n');
    expect(redactPatch(patch, redact)).toBe(
      [
        '@@ -1 +1 @@ function f() { // [redacted: GitHub token]',
        '-old [redacted: GitHub token]',
        '+new',
        '@@ -9 +9 @@',
        ' [redacted: private key]',
      ].join('\n'),
    );
  });

  it('returns a patch without secrets unchanged', () => {
    const patch = '@@ -1,2 +1,2 @@\n a\n-b\n+c\n\\ No newline at end of file';
    expect(redactPatch(patch, redact)).toBe(patch);
  });
});
