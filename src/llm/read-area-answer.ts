import type { HandoffArea } from '../handoffs/handoff-area.js';
import { convertModelFindings } from '../prompts/convert-model-findings.js';
import { filterModelFindings } from '../prompts/filter-model-findings.js';
import { findingsAnswerSchema, modelFindingSchema, type ModelFinding } from '../prompts/finding-schema.js';
import { mergeFindings } from '../prompts/merge-findings.js';
import type { ModelRun } from '../prompts/prepare-model-run.js';
import { modelFailure } from './describe-model-failure.js';
import type { AreaReviewResult, AreaReviewSuccess, TokenUsage } from './review-model.js';

/**
 * Turns one area's parsed JSON into report findings: each item validated on its own (a bad
 * item costs only itself), then kept only on added lines the model saw, above the confidence
 * threshold, not generic, not repeated, with text cleaned for posting.
 */
export function readAreaAnswer(
  area: HandoffArea,
  json: unknown,
  usage: TokenUsage,
  run: ModelRun,
  minConfidence?: number,
): AreaReviewResult {
  const outer = findingsAnswerSchema.safeParse(json);
  if (!outer.success) return modelFailure(area, 'unparsable', 'no "findings" list', usage);
  const valid: ModelFinding[] = [];
  let malformed = 0;
  for (const item of outer.data.findings) {
    const parsed = modelFindingSchema.safeParse(item);
    if (parsed.success) valid.push(parsed.data);
    else malformed += 1;
  }
  const filtered = filterModelFindings(valid, run.addedLines, { minConfidence });
  const dropped: AreaReviewSuccess['dropped'] = {};
  if (malformed > 0) dropped.malformed = malformed;
  for (const { reason } of filtered.dropped) dropped[reason] = (dropped[reason] ?? 0) + 1;
  const findings = mergeFindings([], convertModelFindings(area, filtered.kept));
  return { ok: true, area, findings, dropped, usage };
}
