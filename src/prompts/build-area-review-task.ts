import type { HandoffArea } from '../handoffs/handoff-area.js';
import { AREA_BRIEFS } from './area-briefs/area-briefs.js';

/** The per-call instruction of one area's review, placed after the shared, cached context. */
export function buildAreaReviewTask(area: HandoffArea): string {
  const brief = AREA_BRIEFS[area];
  return [
    `Task: review the pull request above as a ${brief.reviewer}, for ${brief.focus}.`,
    '',
    'Report only problems on lines the pull request adds (shown as "+<number> | ...") that this change causes or makes worse. Look for:',
    ...brief.checks.map((check) => `- ${check}`),
    '',
    `Leave ${brief.leaveToOthers} to other reviewers.`,
    'Do not report generic advice that would fit any pull request (add rate limiting, add logging or monitoring, add tests or documentation, consider refactoring), style preferences, or anything you cannot tie to one added line.',
    '',
    `For each finding give: the file exactly as written after "### File:"; the added line number; severity (high: exploitable, loses data or breaks production; medium: a real defect under some conditions; low: minor but concrete); a short kebab-case category; a title; a one-sentence explanation; one concrete recommendation; and confidence from 0 to 1 that a senior ${brief.reviewer} would agree it must be fixed.`,
    '',
    'Answer with the JSON object only. When nothing qualifies, answer {"findings": []}: an empty answer is a good answer for a sound change.',
  ].join('\n');
}
