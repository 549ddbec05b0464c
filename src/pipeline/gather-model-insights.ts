import type { ChangedFile } from '../changes/changed-file.js';
import type { HandoffArea } from '../handoffs/handoff-area.js';
import { NO_USAGE, totalInputTokens, type ReviewModel, type TokenUsage } from '../llm/review-model.js';
import { cleanModelText } from '../prompts/clean-model-text.js';
import { mergeFindings } from '../prompts/merge-findings.js';
import { prepareModelRun } from '../prompts/prepare-model-run.js';
import { createRunToken } from '../prompts/untrusted-block.js';
import type { ModelInsights, ReportType } from '../report/report-input.js';
import type { AreaReview } from './post-area-reviews.js';

export interface ModelRequest {
  model: ReviewModel;
  name: string;
  maxInputTokens: number;
  title: string;
  body: string;
  commitMessages: string[];
  files: ChangedFile[];
  reportType: ReportType;
  facts: string[];
  /** False for a review-only run (a label or a command): no report, so no narrative. */
  includeNarrative: boolean;
}

function addUsage(total: TokenUsage, more: TokenUsage): TokenUsage {
  return {
    inputTokens: total.inputTokens + more.inputTokens,
    outputTokens: total.outputTokens + more.outputTokens,
    cacheReadInputTokens: total.cacheReadInputTokens + more.cacheReadInputTokens,
    cacheCreationInputTokens: total.cacheCreationInputTokens + more.cacheCreationInputTokens,
  };
}

const clean = (text: string | null | undefined): string | undefined =>
  text ? cleanModelText(text) || undefined : undefined;

/**
 * Asks the model for the narrative and one review per area, and folds its findings into the
 * deterministic reviews. Never throws and never decides anything: failures become one line
 * each, and the model's output is data for the report only.
 */
export async function gatherModelInsights(
  request: ModelRequest,
  reviews: AreaReview[],
): Promise<{ insights: ModelInsights; reviews: AreaReview[] }> {
  const areas: HandoffArea[] = reviews.map((r) => r.area);
  const run = prepareModelRun({
    pullRequest: { title: request.title, body: request.body, commitMessages: request.commitMessages },
    files: request.files,
    areas,
    includeNarrative: request.includeNarrative,
    reportType: request.reportType,
    maxInputTokens: request.maxInputTokens,
    runToken: createRunToken(),
    facts: request.facts,
  });
  // The area calls share the cached prefix and reserve their budget before sending, so they may overlap.
  const [narrative, areaResults] = await Promise.all([
    request.includeNarrative ? request.model.writeNarrative(run) : undefined,
    Promise.all(areas.map((area) => request.model.reviewArea(area, run))),
  ]);
  let usage = narrative?.usage ?? NO_USAGE;
  const failures: string[] = [];
  const insights: ModelInsights = {
    name: request.name,
    designNotes: [],
    failures,
    usage,
    leftOut: [...run.leftOut],
  };
  if (narrative?.ok) {
    const n = narrative.narrative;
    const summary = clean(n.summary);
    if (summary) insights.summary = summary;
    insights.designNotes = n.designNotes
      .map((d) => ({ note: cleanModelText(d.note, { singleLine: true }), files: d.files }))
      .filter((d) => d.note);
    const bugFix = {
      issue: clean(n.bugFix.issue),
      rootCause: clean(n.bugFix.rootCause),
      solution: clean(n.bugFix.solution),
      prevention: clean(n.bugFix.prevention),
    };
    insights.bugFix = bugFix;
  } else if (narrative) failures.push(narrative.message);
  // A model asked about several areas may report one problem in each; keep its first mention.
  const reported = new Set<string>();
  const merged = reviews.map((review, i) => {
    const result = areaResults[i];
    if (!result) return review;
    usage = addUsage(usage, result.usage);
    if (!result.ok) {
      failures.push(result.message);
      return { ...review, modelNote: result.message };
    }
    const fresh = result.findings.filter((f) => {
      const key = `${f.file}:${f.line}:${f.ruleId}`;
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    });
    const added = fresh.length;
    return {
      ...review,
      findings: mergeFindings(review.findings, fresh),
      modelNote: `The model (${request.name}) reviewed this area too and raised ${added} finding${added === 1 ? '' : 's'} of its own after filtering.`,
    };
  });
  insights.usage = usage;
  insights.inputTokens = totalInputTokens(usage);
  return { insights, reviews: merged };
}
