import type { ModelFailureReason, TokenUsage } from './review-model.js';

/** One structured-output request, in the shape prompt caching needs. */
export interface ModelRequest {
  /** Same for every call of a run: sent as a cacheable system block. */
  system: string;
  /** Same for every call of a run (the PR and its diff): sent as a cacheable block. */
  sharedContext: string;
  /** This call's instruction, after the cached prefix. */
  task: string;
  /** Strict JSON schema the answer must follow. */
  schema: Record<string, unknown>;
  maxOutputTokens: number;
}

/** The JSON the model answered (not yet validated against our types), or why there is none. */
export type ModelAnswer =
  | { ok: true; json: unknown; usage: TokenUsage }
  | {
      ok: false;
      reason: Exclude<ModelFailureReason, 'budget' | 'no-key'>;
      detail: string;
      usage?: TokenUsage;
    };

/** The one call a language-model adapter makes. Never throws. */
export interface ModelClient {
  complete(request: ModelRequest): Promise<ModelAnswer>;
}
