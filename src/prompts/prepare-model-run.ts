import type { ChangedFile } from '../code/diff/changed-file.js';
import type { HandoffArea } from '../handoffs/handoff-area.js';
import { addedLinesByFile } from './added-lines-by-file.js';
import { buildAreaReviewTask } from './build-area-review-task.js';
import { estimateTokens } from './estimate-tokens.js';
import { FINDINGS_JSON_SCHEMA } from './finding-schema.js';
import { createInputTokenBudget, type InputTokenBudget } from './input-token-budget.js';
import { NARRATIVE_JSON_SCHEMA } from './narrative-schema.js';
import { buildNarrativeTask, type NarrativeReportType } from './build-narrative-task.js';
import { renderSharedContext, type PullRequestText } from './render-shared-context.js';
import { selectDiffForBudget, type LeftOutFile } from './select-diff-for-budget.js';
import { buildSystemPrompt } from './build-system-prompt.js';

/**
 * Tokens each request carries besides our text: message framing and the instructions the API
 * adds for structured output. Generous on purpose: the budget must hold.
 */
export const CALL_OVERHEAD_TOKENS = 600;
/** At most this share of each call goes to the PR's prose; the diff matters more. */
const PROSE_SHARE = 0.25;
/** Room for the diff label's numbers, which are only known after the selection. */
const LABEL_SLACK_TOKENS = 32;

export interface ModelRunInput {
  pullRequest: PullRequestText;
  files: readonly ChangedFile[];
  /** Areas the model will review this run (their relevance orders the diff). */
  areas: readonly HandoffArea[];
  includeNarrative: boolean;
  reportType: NarrativeReportType;
  /** Input-token limit for the whole run (`max-input-tokens`). */
  maxInputTokens: number;
  /** From `createRunToken()`; fixed in tests. */
  runToken: string;
  /** One-line facts the pipeline found (detected stack and so on); treated as untrusted. */
  facts?: readonly string[];
}

/** Everything the model calls of one run share. Only `budget` changes as calls are made. */
export interface ModelRun {
  readonly runToken: string;
  readonly reportType: NarrativeReportType;
  readonly systemPrompt: string;
  /** The PR's prose and selected diff, in delimiters: the cached block all calls share. */
  readonly sharedContext: string;
  /** Paths of the files the model sees. */
  readonly includedFiles: readonly string[];
  readonly leftOut: readonly LeftOutFile[];
  /** Added lines of the included files: where model findings may point. */
  readonly addedLines: ReadonlyMap<string, ReadonlySet<number>>;
  readonly budget: InputTokenBudget;
}

/**
 * Plans one run: splits the input budget evenly over the planned calls, fits the prose and
 * the diff into each call's share, and builds the shared prompt parts.
 */
export function prepareModelRun(input: ModelRunInput): ModelRun {
  const calls = Math.max(1, input.areas.length + (input.includeNarrative ? 1 : 0));
  const perCall = Math.floor(input.maxInputTokens / calls);
  const systemPrompt = buildSystemPrompt(input.runToken);
  const fixed = estimateTokens(systemPrompt) + largestTask(input) + CALL_OVERHEAD_TOKENS;
  const proseTokenLimit = Math.max(0, Math.floor(perCall * PROSE_SHARE));
  const emptyDiff = { included: [], text: '', tokens: 0, leftOut: [] };
  const context = (diff: Parameters<typeof renderSharedContext>[0]['diff']) =>
    renderSharedContext({
      pullRequest: input.pullRequest,
      facts: input.facts ?? [],
      diff,
      totalFiles: input.files.length,
      token: input.runToken,
      proseTokenLimit,
    });
  const frame = estimateTokens(context(emptyDiff));
  const diff = selectDiffForBudget(input.files, {
    areas: input.areas,
    tokenLimit: Math.max(0, perCall - fixed - frame - LABEL_SLACK_TOKENS),
  });
  return {
    runToken: input.runToken,
    reportType: input.reportType,
    systemPrompt,
    sharedContext: context(diff),
    includedFiles: diff.included.map((file) => file.path),
    leftOut: diff.leftOut,
    addedLines: addedLinesByFile(diff.included),
    budget: createInputTokenBudget(input.maxInputTokens),
  };
}

function largestTask(input: ModelRunInput): number {
  const sizes = input.areas.map(
    (area) =>
      estimateTokens(buildAreaReviewTask(area)) + estimateTokens(JSON.stringify(FINDINGS_JSON_SCHEMA)),
  );
  sizes.push(
    estimateTokens(buildNarrativeTask(input.reportType)) +
      estimateTokens(JSON.stringify(NARRATIVE_JSON_SCHEMA)),
  );
  return Math.max(...sizes);
}
