import type { Finding } from '../handoffs/finding.js';
import type { HandoffArea } from '../handoffs/handoff-area.js';
import type { DropReason } from '../prompts/filter-model-findings.js';
import type { Narrative } from '../prompts/narrative-schema.js';
import type { ModelRun } from '../prompts/prepare-model-run.js';

/*
 * The port between the pipeline and a language model.
 *
 * No side effects from model output: everything here returns data. Nothing the model writes
 * can add labels, post comments, approve, run commands or choose which steps run; the
 * pipeline decides all of that from its own inputs, and only shows the model's (cleaned)
 * text to people, marked as model-written.
 */

/** Why a model step produced nothing. */
export type ModelFailureReason =
  | 'no-key'
  | 'unauthorized'
  | 'rate-limited'
  | 'server-error'
  | 'timeout'
  | 'refusal'
  | 'max-tokens'
  | 'context-exceeded'
  | 'unparsable'
  | 'budget'
  | 'rejected';

/** Tokens one call used, as the API reported them. */
export interface TokenUsage {
  /** Input tokens neither read from nor written to the cache. */
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens: number;
  cacheCreationInputTokens: number;
}

/** A model step that could not be done; `message` is one line for the report. */
export interface ModelFailure {
  ok: false;
  reason: ModelFailureReason;
  message: string;
  usage: TokenUsage;
}

/** The report's model-written parts: text already cleaned for posting. */
export interface NarrativeSuccess {
  ok: true;
  narrative: Narrative;
  usage: TokenUsage;
}

export type NarrativeResult = NarrativeSuccess | ModelFailure;

/** One area's model findings, already filtered to added lines and cleaned for posting. */
export interface AreaReviewSuccess {
  ok: true;
  area: HandoffArea;
  findings: Finding[];
  /** How many findings were dropped, by reason (`malformed`: an item that did not fit the schema). */
  dropped: Partial<Record<DropReason | 'malformed', number>>;
  usage: TokenUsage;
}

export type AreaReviewResult = AreaReviewSuccess | ModelFailure;

/**
 * The model steps of one run. Calls never throw: every problem comes back as a
 * `ModelFailure`, and the report goes on without the model's part.
 */
export interface ReviewModel {
  /** Plain-language summary, design notes and (for a bug fix) root cause, solution, prevention. */
  writeNarrative(run: ModelRun): Promise<NarrativeResult>;
  /** One specialist area's review of the run's diff. */
  reviewArea(area: HandoffArea, run: ModelRun): Promise<AreaReviewResult>;
}

export const NO_USAGE: TokenUsage = Object.freeze({
  inputTokens: 0,
  outputTokens: 0,
  cacheReadInputTokens: 0,
  cacheCreationInputTokens: 0,
});

/** All input tokens of a call, cached or not: what the run's budget counts. */
export function totalInputTokens(usage: TokenUsage): number {
  return usage.inputTokens + usage.cacheReadInputTokens + usage.cacheCreationInputTokens;
}
