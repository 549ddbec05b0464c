import type { ChangedFile } from '../code/diff/changed-file.js';
import type { HandoffArea } from '../handoffs/handoff-area.js';
import {
  NO_USAGE,
  totalInputTokens,
  type AreaReviewResult,
  type ReviewModel,
  type TokenUsage,
} from '../llm/review-model.js';
import { cleanModelText } from '../prompts/clean-model-text.js';
import { mergeFindings } from '../prompts/merge-findings.js';
import { redactPatch } from '../redaction/redact-patch.js';
import { prepareModelRun, type ModelRun } from '../prompts/prepare-model-run.js';
import type { Narrative } from '../prompts/narrative-schema.js';
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
  /** Applied to everything the model is sent: a secret in a PR must not be copied to a third party. */
  redact: (text: string) => string;
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

function planRun(request: ModelRequest, areas: HandoffArea[]): ModelRun {
  const { redact } = request;
  return prepareModelRun({
    pullRequest: {
      title: redact(request.title),
      body: redact(request.body),
      commitMessages: request.commitMessages.map(redact),
    },
    files: request.files.map((file) => redactFile(file, redact)),
    areas,
    includeNarrative: request.includeNarrative,
    reportType: request.reportType,
    maxInputTokens: request.maxInputTokens,
    runToken: createRunToken(),
    facts: request.facts.map(redact),
  });
}

function redactFile(file: ChangedFile, redact: (text: string) => string): ChangedFile {
  return {
    ...file,
    path: redact(file.path),
    ...(file.previousPath ? { previousPath: redact(file.previousPath) } : {}),
    ...(file.patch ? { patch: redactPatch(file.patch, redact) } : {}),
  };
}

/** The narrative's texts, cleaned for posting; nothing when the model could not write it. */
function readNarrative(narrative: Narrative): Pick<ModelInsights, 'summary' | 'designNotes' | 'bugFix'> {
  const summary = clean(narrative.summary);
  return {
    ...(summary ? { summary } : {}),
    designNotes: narrative.designNotes
      .map((d) => ({ note: cleanModelText(d.note, { singleLine: true }), files: d.files }))
      .filter((d) => d.note),
    bugFix: {
      issue: clean(narrative.bugFix.issue),
      rootCause: clean(narrative.bugFix.rootCause),
      solution: clean(narrative.bugFix.solution),
      prevention: clean(narrative.bugFix.prevention),
    },
  };
}

/**
 * Adds each area's model findings to its rule findings. A model asked about several areas may
 * report one problem in each: only its first mention is kept.
 */
function mergeAreaResults(
  name: string,
  reviews: AreaReview[],
  results: AreaReviewResult[],
  failures: string[],
): AreaReview[] {
  const reported = new Set<string>();
  return reviews.map((review, i) => {
    const result = results[i];
    if (!result) return review;
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
    const count = `${fresh.length} finding${fresh.length === 1 ? '' : 's'}`;
    return {
      ...review,
      findings: mergeFindings(review.findings, fresh),
      modelNote: `The model (${name}) reviewed this area too and raised ${count} of its own after filtering.`,
    };
  });
}

/**
 * Asks the model for the narrative and one review per area, and folds its findings into the
 * deterministic reviews. Never throws and never decides anything: failures become one line
 * each, and the model's output is data for the report only.
 */
export async function gatherModelInsights(
  request: ModelRequest,
  reviews: AreaReview[],
): Promise<{ insights: ModelInsights; reviews: AreaReview[] }> {
  const areas = reviews.map((r) => r.area);
  const run = planRun(request, areas);
  // The area calls share the cached prefix and reserve their budget before sending, so they may overlap.
  const [narrative, areaResults] = await Promise.all([
    request.includeNarrative ? request.model.writeNarrative(run) : undefined,
    Promise.all(areas.map((area) => request.model.reviewArea(area, run))),
  ]);
  const failures: string[] = [];
  if (narrative && !narrative.ok) failures.push(narrative.message);
  const merged = mergeAreaResults(request.name, reviews, areaResults, failures);
  const usage = areaResults.reduce((total, r) => addUsage(total, r.usage), narrative?.usage ?? NO_USAGE);
  const insights: ModelInsights = {
    name: request.name,
    designNotes: [],
    ...(narrative?.ok ? readNarrative(narrative.narrative) : {}),
    failures,
    usage,
    inputTokens: totalInputTokens(usage),
    leftOut: [...run.leftOut],
  };
  return { insights, reviews: merged };
}
