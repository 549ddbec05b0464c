/**
 * Redacts a unified diff (GitHub's `patch` of one file) without breaking it: each hunk's lines
 * are redacted as one text with their `+`/`-`/` ` markers taken off, so a secret written over
 * several lines (a private key) is found whole, and each marker is put back on its line. The
 * redactor keeps a secret's line breaks, so every line keeps its number. Hunk headers are
 * redacted one by one: a match never runs from one hunk into the next.
 */
export function redactPatch(patch: string, redact: (text: string) => string): string {
  const lines = patch.split('\n');
  const out: string[] = [];
  let hunk: string[] = [];
  const flush = (): void => {
    if (hunk.length === 0) return;
    const redacted = redact(hunk.map((line) => line.slice(1)).join('\n')).split('\n');
    // The count holds (the redactor keeps line breaks); if it ever did not, nothing of the hunk goes out.
    if (redacted.length !== hunk.length) out.push(...hunk.map((line) => `${line.slice(0, 1)}[redacted]`));
    else out.push(...hunk.map((line, i) => `${line.slice(0, 1)}${redacted[i] ?? ''}`));
    hunk = [];
  };
  for (const line of lines) {
    if (line.startsWith('@@')) {
      flush();
      out.push(redact(line));
    } else hunk.push(line);
  }
  flush();
  return out.join('\n');
}
