/**
 * The Anthropic adapter: the only file that imports the SDK. It turns one `ModelRequest` into
 * one `messages.parse()` call with a JSON-schema output format, and every outcome (answer,
 * refusal, cut-off, HTTP or network error) into data. It never throws.
 */
import {
  Anthropic,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  BadRequestError,
  ContentTooLargeError,
  InternalServerError,
  PermissionDeniedError,
  RateLimitError,
  RequestTimeoutError,
  type AutoParseableOutputFormat,
  type ParsedMessage,
} from '@anthropic-ai/sdk';
import type { ModelAnswer, ModelClient, ModelRequest } from './model-client.js';
import { createReviewModelOnClient, type ReviewModelOptions } from './create-review-model-on-client.js';
import type { ReviewModel, TokenUsage } from './review-model.js';

export interface AnthropicReviewModelOptions extends ReviewModelOptions {
  /** Empty or missing means no model: the report stays deterministic. */
  apiKey: string | undefined;
  model: string;
  /** Defaults to `ANTHROPIC_BASE_URL`, then the public API. */
  baseURL?: string;
  /** Per attempt (default 300 s). Explicit, so large `max_tokens` never trips the SDK's guard. */
  timeoutMs?: number;
  /** Retries of 408/409/429/5xx and connection errors, honouring `retry-after` (default 2). */
  maxRetries?: number;
  /**
   * Applied to every text of every request at this boundary, whatever built it: the prompts
   * redact the PR's text already, and this makes sure nothing new slips past.
   */
  redact?: (text: string) => string;
}

type ParsedJson = { ok: true; value: unknown } | { ok: false; error: string };

// Thinking plus a 12,000-token answer can take minutes; the SDK's own guess for that size is 5–6.
const DEFAULT_TIMEOUT_MS = 300_000;
const DEFAULT_MAX_RETRIES = 2;
// Prompt-too-long answers are 400s without a stable error code; their wording is all there is.
const CONTEXT_MESSAGE = /prompt is too long|context (window|length)|too many (input )?tokens/i;

/**
 * Creates the review model, or returns undefined when there is no key. No client is built
 * without a key: the SDK would otherwise look for credentials in the machine's profile files.
 */
export function createReviewModel(options: AnthropicReviewModelOptions): ReviewModel | undefined {
  const apiKey = options.apiKey?.trim();
  if (!apiKey) return undefined;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const client = new Anthropic({
    apiKey,
    baseURL: options.baseURL,
    timeout: timeoutMs,
    maxRetries,
    // Spans could carry PR text to whatever tracer the runner registered.
    openTelemetry: false,
    // ANTHROPIC_LOG=debug would print request bodies (PR text) to the job log, where a line
    // starting with `::` is a workflow command. Warnings carry no PR text.
    logLevel: 'warn',
  });
  const redact = options.redact ?? ((text: string) => text);
  const complete = (request: ModelRequest) =>
    completeWithAnthropic(client, options.model, {
      ...request,
      system: redact(request.system),
      sharedContext: redact(request.sharedContext),
      task: redact(request.task),
    });
  const redacting: ModelClient = {
    complete: async (request) =>
      redactAnswer(await safely(() => complete(request), { timeoutMs, maxRetries }), apiKey),
  };
  return createReviewModelOnClient(redacting, {
    minConfidence: options.minConfidence,
    maxOutputTokens: options.maxOutputTokens,
  });
}

async function completeWithAnthropic(
  client: Anthropic,
  model: string,
  request: ModelRequest,
): Promise<ModelAnswer> {
  const format: AutoParseableOutputFormat<ParsedJson> = {
    type: 'json_schema',
    schema: request.schema,
    parse: readJson,
  };
  const message = await client.messages.parse({
    model,
    max_tokens: request.maxOutputTokens,
    // Two cache breakpoints: the system prompt, then the PR and diff. Every call of a run
    // repeats both byte for byte, so only the task after them is new input.
    system: [{ type: 'text', text: request.system, cache_control: { type: 'ephemeral' } }],
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: request.sharedContext, cache_control: { type: 'ephemeral' } },
          { type: 'text', text: request.task },
        ],
      },
    ],
    output_config: { format },
  });
  return readMessage(message);
}

function readMessage(message: ParsedMessage<ParsedJson>): ModelAnswer {
  const usage = usageOf(message.usage);
  if (message.stop_reason === 'refusal') {
    return {
      ok: false,
      reason: 'refusal',
      detail: `category: ${message.stop_details?.category ?? 'unspecified'}`,
      usage,
    };
  }
  if (message.stop_reason === 'max_tokens') return { ok: false, reason: 'max-tokens', detail: '', usage };
  if (message.stop_reason === 'model_context_window_exceeded') {
    return { ok: false, reason: 'context-exceeded', detail: '', usage };
  }
  // Thinking blocks come first and are not the answer: only text blocks are read.
  const texts = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : []));
  const parsed = message.parsed_output?.ok ? message.parsed_output : readJson(texts.join(''));
  if (texts.length === 0) return { ok: false, reason: 'unparsable', detail: 'the answer had no text', usage };
  if (!parsed.ok) return { ok: false, reason: 'unparsable', detail: parsed.error, usage };
  return { ok: true, json: parsed.value, usage };
}

// Handed to the SDK as the format's parser: it must not throw, or the message (and its
// stop_reason and usage) would be lost in the SDK's exception.
function readJson(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : 'invalid JSON' };
  }
}

function usageOf(usage: Anthropic.Usage): TokenUsage {
  return {
    inputTokens: usage.input_tokens,
    outputTokens: usage.output_tokens,
    cacheReadInputTokens: usage.cache_read_input_tokens ?? 0,
    cacheCreationInputTokens: usage.cache_creation_input_tokens ?? 0,
  };
}

async function safely(
  work: () => Promise<ModelAnswer>,
  limits: { timeoutMs: number; maxRetries: number },
): Promise<ModelAnswer> {
  try {
    return await work();
  } catch (error) {
    return classifyError(error, limits);
  }
}

function classifyError(
  error: unknown,
  { timeoutMs, maxRetries }: { timeoutMs: number; maxRetries: number },
): ModelAnswer {
  const retries = `after ${maxRetries} ${maxRetries === 1 ? 'retry' : 'retries'}`;
  if (error instanceof APIConnectionTimeoutError || error instanceof RequestTimeoutError) {
    return { ok: false, reason: 'timeout', detail: `no answer within ${timeoutMs} ms, ${retries}` };
  }
  if (error instanceof APIConnectionError)
    return { ok: false, reason: 'server-error', detail: `connection failed, ${retries}` };
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) {
    return { ok: false, reason: 'unauthorized', detail: `HTTP ${error.status}` };
  }
  if (error instanceof RateLimitError)
    return { ok: false, reason: 'rate-limited', detail: `HTTP 429, ${retries}` };
  if (error instanceof InternalServerError) {
    return {
      ok: false,
      reason: 'server-error',
      detail: `HTTP ${error.status}${error.type ? ` ${error.type}` : ''}, ${retries}`,
    };
  }
  if (
    error instanceof ContentTooLargeError ||
    (error instanceof BadRequestError && CONTEXT_MESSAGE.test(error.message))
  ) {
    return { ok: false, reason: 'context-exceeded', detail: `HTTP ${error.status}` };
  }
  if (error instanceof APIError) {
    return {
      ok: false,
      reason: 'rejected',
      detail: `HTTP ${error.status ?? '?'}: ${error.apiMessage ?? error.message}`,
    };
  }
  return { ok: false, reason: 'rejected', detail: error instanceof Error ? error.message : String(error) };
}

// The key must never reach a report or a log, even echoed back inside an error message.
function redactAnswer(answer: ModelAnswer, apiKey: string): ModelAnswer {
  return answer.ok
    ? answer
    : { ...answer, detail: answer.detail.split(apiKey).join('[redacted: anthropic-api-key]') };
}
