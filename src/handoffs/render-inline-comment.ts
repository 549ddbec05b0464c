import { fingerprintOf } from './fingerprint-finding.js';
import type { Finding, Severity } from './finding.js';

/** Severity badges shared by the inline and the area comments. */
export const SEVERITY_BADGE: Readonly<Record<Severity, string>> = {
  high: '🔴 High',
  medium: '🟠 Medium',
  low: '🟡 Low',
};

/** The hidden marker that lets a re-run recognise an inline comment it already posted. */
export function findingMarker(fingerprint: string): string {
  return `<!-- backend-developer:finding:${fingerprint} -->`;
}

/** Keeps text from the code on one line and out of HTML comments and tables. */
export function inlineText(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/<!--|-->/g, '')
    .trim();
}

/**
 * The body of one inline review comment: severity and title, why, the fix, the rule id, and a hidden
 * fingerprint marker (see `fingerprintOf`; `lineText` is the commented line's text).
 */
export function renderInlineComment(finding: Finding, lineText?: string): string {
  const fingerprint = fingerprintOf(finding, lineText);
  const origin = finding.origin === 'model' ? ' · written by the model' : '';
  return [
    `**${SEVERITY_BADGE[finding.severity]} · ${inlineText(finding.title)}**`,
    '',
    inlineText(finding.explanation),
    '',
    `**Fix:** ${inlineText(finding.recommendation)}`,
    '',
    `<sub>\`${finding.ruleId}\`${origin}</sub>`,
    findingMarker(fingerprint),
  ].join('\n');
}
