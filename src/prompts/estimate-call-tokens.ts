import { estimateTokens } from './estimate-tokens.js';
import { CALL_OVERHEAD_TOKENS, type ModelRun } from './prepare-model-run.js';

/** Conservative input tokens of one call of a run: shared parts, task, schema and overhead. */
export function estimateCallTokens(run: ModelRun, task: string, schema: Record<string, unknown>): number {
  return (
    estimateTokens(run.systemPrompt) +
    estimateTokens(run.sharedContext) +
    estimateTokens(task) +
    estimateTokens(JSON.stringify(schema)) +
    CALL_OVERHEAD_TOKENS
  );
}
