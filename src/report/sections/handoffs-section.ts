import { HANDOFF_CATALOG } from '../../handoffs/handoff-catalog.js';
import { inline } from '../markdown.js';
import type { ReportInput } from '../report-input.js';

/** The specialist reviews this PR was handed to, why, and what each found. */
export function renderHandoffsSection(input: ReportInput): string {
  if (input.handoffs.length === 0) return '### Handoffs\n\nNo specialist review was needed by the rules.';
  const lines = ['### Handoffs', ''];
  for (const h of input.handoffs) {
    const title = HANDOFF_CATALOG[h.area].title;
    const link = h.commentUrl ? `[${title}](${h.commentUrl})` : title;
    const count =
      h.findings === undefined
        ? ''
        : ` — ${h.findings === 0 ? 'no findings' : `${h.findings} finding${h.findings === 1 ? '' : 's'}`}`;
    lines.push(
      `- **${link}** (\`handoff:${h.area}\`)${count}: ${h.reasons.map((r) => inline(r)).join('; ')}.`,
    );
  }
  return lines.join('\n');
}
