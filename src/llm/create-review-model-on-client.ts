import type { HandoffArea } from '../handoffs/handoff-area.js';
import { buildAreaReviewTask } from '../prompts/build-area-review-task.js';
import { estimateCallTokens } from '../prompts/estimate-call-tokens.js';
import { FINDINGS_JSON_SCHEMA } from '../prompts/finding-schema.js';
import { NARRATIVE_JSON_SCHEMA } from '../prompts/narrative-schema.js';
import { buildNarrativeTask } from '../prompts/build-narrative-task.js';
import type { ModelRun } from '../prompts/prepare-model-run.js';
import { modelFailure, type ModelStep } from './describe-model-failure.js';
import type { ModelClient } from './model-client.js';
import { readAreaAnswer } from './read-area-answer.js';
import { readNarrativeAnswer } from './read-narrative-answer.js';
import {
  totalInputTokens,
  type AreaReviewResult,
  type ModelFailure,
  type NarrativeResult,
  type ReviewModel,
  type TokenUsage,
} from './review-model.js';

export interface ReviewModelOptions {
  /** Model findings below this confidence are dropped (default 0.8). */
  minConfidence?: number;
  /** Output limit per call; thinking counts toward it (default 12,000). */
  maxOutputTokens?: number;
}

const DEFAULT_MAX_OUTPUT_TOKENS = 12_000;

type CallOutcome = { ok: true; json: unknown; usage: TokenUsage } | ModelFailure;

/**
 * The model steps on top of any `ModelClient`: budget check, one structured call, validation,
 * grounding and cleaning. Never throws: a failure, even a bug of ours, comes back as data.
 */
export function createReviewModelOnClient(
  client: ModelClient,
  options: ReviewModelOptions = {},
): ReviewModel {
  const maxOutputTokens = options.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS;

  async function call(step: ModelStep, run: ModelRun, task: string, schema: Record<string, unknown>) {
    const estimate = estimateCallTokens(run, task, schema);
    const reservation = run.budget.reserve(estimate);
    if (!reservation) {
      return modelFailure(
        step,
        'budget',
        `${run.budget.remaining()} of ${run.budget.limit} tokens left, ${estimate} needed`,
      );
    }
    const request = {
      system: run.systemPrompt,
      sharedContext: run.sharedContext,
      task,
      schema,
      maxOutputTokens,
    };
    const answer = await client.complete(request);
    reservation.settle(answer.usage ? totalInputTokens(answer.usage) : undefined);
    if (!answer.ok) return modelFailure(step, answer.reason, answer.detail, answer.usage);
    return answer;
  }

  async function guarded<T>(step: ModelStep, work: () => Promise<T>): Promise<T | ModelFailure> {
    try {
      return await work();
    } catch (error) {
      return modelFailure(step, 'unparsable', error instanceof Error ? error.message : String(error));
    }
  }

  return {
    writeNarrative: (run) =>
      guarded('narrative', async (): Promise<NarrativeResult> => {
        const answer: CallOutcome = await call(
          'narrative',
          run,
          buildNarrativeTask(run.reportType),
          NARRATIVE_JSON_SCHEMA,
        );
        return answer.ok ? readNarrativeAnswer(answer.json, answer.usage, run) : answer;
      }),
    reviewArea: (area: HandoffArea, run) =>
      guarded(area, async (): Promise<AreaReviewResult> => {
        const answer: CallOutcome = await call(area, run, buildAreaReviewTask(area), FINDINGS_JSON_SCHEMA);
        return answer.ok
          ? readAreaAnswer(area, answer.json, answer.usage, run, options.minConfidence)
          : answer;
      }),
  };
}
