// ANSI escape sequences: CSI (colours, cursor moves) and OSC (hyperlinks, titles).
// eslint-disable-next-line no-control-regex
const ANSI_SEQUENCE = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/**
 * Remove colour codes: runners force colours on GitHub Actions (supports-color
 * treats `GITHUB_ACTIONS` as a colour terminal) even when output is piped.
 */
export function stripAnsi(text: string): string {
  return text.includes('\u001b') ? text.replace(ANSI_SEQUENCE, '') : text;
}

/** Text as lines without colour codes or carriage returns. */
export function toPlainLines(text: string): string[] {
  return stripAnsi(text).replace(/\r\n?/g, '\n').split('\n');
}

/** Parse a decimal count; a missing group counts as zero. */
export function toCount(value: string | undefined): number {
  return value === undefined ? 0 : Number.parseInt(value, 10) || 0;
}

/** Read `<number> <word>` pairs from a summary such as `2 failed, 3 passed, 1 skipped`. */
export function readCountWords(summary: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of summary.matchAll(/(\d+)\s+([a-z]+)/gi)) {
    const word = (match[2] ?? '').toLowerCase();
    counts.set(word, (counts.get(word) ?? 0) + toCount(match[1]));
  }
  return counts;
}
