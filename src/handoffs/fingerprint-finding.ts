import { createHash } from 'node:crypto';
import type { Finding } from './finding.js';

/** Whitespace differences (re-indentation, trailing spaces) do not make a finding new. */
function normaliseLineText(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/**
 * A stable id for a finding: the same rule on the same code in the same file gets the same id on every run,
 * even when unrelated edits shift its line number, so re-runs do not repeat inline comments.
 * The line number is deliberately left out; the line's normalised text stands in for it.
 */
export function fingerprintFinding(f: Finding, lineText: string): string {
  return createHash('sha256')
    .update([f.area, f.ruleId, f.file, normaliseLineText(lineText)].join('\u0000'))
    .digest('hex')
    .slice(0, 20);
}

/**
 * The one fingerprint a finding is known by everywhere (the inline comment's hidden marker, the
 * area comment's list of open and resolved findings): the reviewer's own when it set one, else
 * one computed from the text of the finding's line (`lineText`, empty when the diff lacks it).
 */
export function fingerprintOf(f: Finding, lineText: string | undefined): string {
  return f.fingerprint ?? fingerprintFinding(f, lineText ?? '');
}
