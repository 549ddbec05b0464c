import type { Finding } from '../handoffs/finding.js';
import type { HandoffArea } from '../handoffs/handoff-area.js';
import { cleanModelText } from './clean-model-text.js';
import type { ModelFinding } from './finding-schema.js';

const TITLE_CHARS = 160;
const TEXT_CHARS = 600;
const CATEGORY_CHARS = 40;

/**
 * Turns filtered model findings of one area into report findings (`origin: 'model'`,
 * `ruleId: 'model:<category>'`), with every text field cleaned for posting.
 */
export function convertModelFindings(area: HandoffArea, findings: readonly ModelFinding[]): Finding[] {
  return findings.map((finding) => ({
    area,
    ruleId: `model:${categorySlug(finding.category)}`,
    severity: finding.severity,
    file: finding.file,
    line: finding.line,
    title: cleanModelText(finding.title, { singleLine: true, maxChars: TITLE_CHARS }),
    explanation: cleanModelText(finding.explanation, { singleLine: true, maxChars: TEXT_CHARS }),
    recommendation: cleanModelText(finding.recommendation, { singleLine: true, maxChars: TEXT_CHARS }),
    origin: 'model',
    confidence: finding.confidence,
  }));
}

function categorySlug(category: string): string {
  const slug = category
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, CATEGORY_CHARS)
    .replace(/-+$/, '');
  return slug || 'finding';
}
