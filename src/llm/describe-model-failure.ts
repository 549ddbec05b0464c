import type { HandoffArea } from '../handoffs/handoff-area.js';
import { NO_USAGE, type ModelFailure, type ModelFailureReason, type TokenUsage } from './review-model.js';

/** Which model step failed: the report narrative or one area's review. */
export type ModelStep = 'narrative' | HandoffArea;

const WHAT: Record<ModelFailureReason, (detail: string) => string> = {
  'no-key': () => 'no `anthropic-api-key` was given, so the report is deterministic only',
  unauthorized: (d) => `the Anthropic API rejected the key (${d}); check the \`anthropic-api-key\` secret`,
  'rate-limited': (d) => `the Anthropic API was still rate-limiting after retries (${d})`,
  'server-error': (d) => `the Anthropic API was unavailable after retries (${d})`,
  timeout: (d) => `the model did not answer in time (${d})`,
  refusal: (d) => `the model declined the request (${d})`,
  'max-tokens': () => 'the answer was cut off at the output-token limit, so none of it was used',
  'context-exceeded': () =>
    "the request was larger than the model's context window; lower `max-input-tokens`",
  unparsable: (d) => `the model's answer was not the expected JSON (${d})`,
  budget: (d) => `the run's input budget was spent (${d}); raise \`max-input-tokens\` to include it`,
  rejected: (d) => `the Anthropic API rejected the request (${d})`,
};

/** One line for the report saying what the model step could not do and, where possible, the fix. */
export function describeModelFailure(step: ModelStep, reason: ModelFailureReason, detail = ''): string {
  const name = step === 'narrative' ? 'Model-written summary' : `Model review (${step})`;
  const oneLine = detail.replace(/\s+/g, ' ').trim().slice(0, 200) || 'no details';
  return `${name} skipped: ${WHAT[reason](oneLine)}.`;
}

/** A typed failure for the report. */
export function modelFailure(
  step: ModelStep,
  reason: ModelFailureReason,
  detail = '',
  usage: TokenUsage = NO_USAGE,
): ModelFailure {
  return { ok: false, reason, message: describeModelFailure(step, reason, detail), usage };
}
