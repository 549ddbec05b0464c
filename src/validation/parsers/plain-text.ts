import type { TestCounts } from '../validation-result.js';
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

/** Summaries and diagnostics are short; a longer line is a data dump, cut so no pattern runs long on it. */
const MAX_LINE_LENGTH = 4_000;

/** Text as lines without colour codes or carriage returns, each at most 4,000 characters. */
export function toPlainLines(text: string): string[] {
  return stripAnsi(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (line.length > MAX_LINE_LENGTH ? line.slice(0, MAX_LINE_LENGTH) : line));
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

/** `2 failed | 3 passed | 1 todo`-style summaries (Jest, Vitest): todo tests count as skipped. */
export function readTestCountWords(summary: string): TestCounts {
  const counts = readCountWords(summary);
  return {
    passed: counts.get('passed') ?? 0,
    failed: counts.get('failed') ?? 0,
    skipped: (counts.get('skipped') ?? 0) + (counts.get('todo') ?? 0),
  };
}

const STACK_FRAME = /^\s*(?:at |File "|Traceback|stacktrace:|Stack Trace:|#\s*\.?\/)/;
const MESSAGE_LIMIT = 1_000;

/** The first few meaningful lines of a failure block, stopping at the stack trace. */
export function summarizeMessage(lines: string[], maxLines = 6): string | undefined {
  const kept: string[] = [];
  for (const line of lines) {
    if (STACK_FRAME.test(line)) break;
    const trimmed = line.trim();
    if (trimmed.length === 0) continue;
    kept.push(trimmed);
    if (kept.length >= maxLines) break;
  }
  const message = kept.join('\n');
  if (message.length === 0) return undefined;
  return message.length > MESSAGE_LIMIT ? `${message.slice(0, MESSAGE_LIMIT)}…` : message;
}

/** Split `path:line[:column]` (as runners print locations) into its parts. */
export function splitLocation(location: string): { file: string; line: number } | undefined {
  const match = /^(?:file:\/\/)?(.+?):(\d+)(?::\d+)?$/.exec(location.trim());
  if (!match?.[1] || !match[2]) return undefined;
  return { file: match[1], line: Number(match[2]) };
}
