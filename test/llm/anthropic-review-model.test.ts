import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createReviewModel, type AnthropicReviewModelOptions } from '../../src/llm/anthropic-review-model.js';
import type { ReviewModel } from '../../src/llm/review-model.js';
import { buildAreaReviewTask } from '../../src/prompts/build-area-review-task.js';
import { estimateCallTokens } from '../../src/prompts/estimate-call-tokens.js';
import { FINDINGS_JSON_SCHEMA } from '../../src/prompts/finding-schema.js';
import { startFakeMessagesServer, type FakeMessagesServer } from './fake-messages-server.js';
import { FIXED_TOKEN, ordersRun, readFixture, TEST_KEY } from './model-run-fixture.js';

let fake: FakeMessagesServer;

beforeAll(async () => {
  fake = await startFakeMessagesServer();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

function model(options: Partial<AnthropicReviewModelOptions> = {}): ReviewModel {
  const created = createReviewModel({
    apiKey: TEST_KEY,
    model: 'claude-sonnet-5-5',
    baseURL: fake.url,
    timeoutMs: 2_000,
    maxRetries: 2,
    ...options,
  });
  if (!created) throw new Error('expected a model');
  return created;
}

const findingsAnswer = () => readFixture('findings-answer.json');

describe('createReviewModel', () => {
  it('returns no model, and sends nothing, when the key is missing or blank', () => {
    expect(createReviewModel({ apiKey: undefined, model: 'm', baseURL: fake.url })).toBeUndefined();
    expect(createReviewModel({ apiKey: '', model: 'm', baseURL: fake.url })).toBeUndefined();
    expect(createReviewModel({ apiKey: '  \n', model: 'm', baseURL: fake.url })).toBeUndefined();
    expect(fake.requests).toHaveLength(0);
  });

  it('sends the key as a Bearer token with the API version, and no x-api-key header', async () => {
    fake.enqueue({ kind: 'message', text: '{"findings":[]}' });
    await model().reviewArea('security', ordersRun());
    const [request] = fake.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/messages');
    expect(request?.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(request?.headers['x-api-key']).toBeUndefined();
    expect(request?.headers['anthropic-version']).toBe('2026-10-21');
  });

  it('asks for structured JSON with cacheable system and context blocks, without sampling knobs, forced tools or prefill', async () => {
    fake.enqueue({ kind: 'message', text: '{"findings":[]}' });
    await model().reviewArea('security', ordersRun());
    const body = fake.requests[0]?.body;
    expect(body?.model).toBe('claude-sonnet-5-5');
    expect(body?.max_tokens).toBeGreaterThan(0);
    expect(body?.system?.[0]?.cache_control).toEqual({ type: 'ephemeral' });
    expect(body?.messages).toHaveLength(1);
    expect(body?.messages?.[0]?.role).toBe('user');
    expect(body?.messages?.[0]?.content[0]?.cache_control).toEqual({ type: 'ephemeral' });
    expect(body?.messages?.[0]?.content[1]?.cache_control).toBeUndefined();
    expect(body?.messages?.[0]?.content[1]?.text).toContain('security auditor');
    expect(body?.output_config?.format?.type).toBe('json_schema');
    expect(body?.output_config?.format?.schema).toMatchObject({ type: 'object', required: ['findings'] });
    for (const knob of ['temperature', 'top_p', 'top_k', 'tool_choice', 'tools', 'stream']) {
      expect(body).not.toHaveProperty(knob);
    }
  });

  it('keeps only grounded, confident, specific findings and reports what it dropped', async () => {
    fake.enqueue({ kind: 'message', text: findingsAnswer(), withThinking: true });
    const result = await model().reviewArea('security', ordersRun());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.findings).toEqual([
      {
        area: 'security',
        ruleId: 'model:sql-injection',
        severity: 'high',
        file: 'src/orders/list-orders.ts',
        line: 6,
        title: 'Query built from request input',
        explanation: 'The status query parameter is concatenated into SQL, so a caller can run any SQL.',
        recommendation: 'Pass status as a bound parameter ($2) instead of concatenating it.',
        origin: 'model',
        confidence: 0.95,
      },
    ]);
    expect(result.dropped).toEqual({
      'outside-diff': 1,
      'low-confidence': 1,
      'generic-advice': 1,
      malformed: 1,
    });
    expect(result.usage.cacheCreationInputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
  });

  it('reuses the cached prefix: every call of a run sends the same system prompt and shared context', async () => {
    fake.otherwise(() => ({ kind: 'message', text: '{"findings":[]}' }));
    const run = ordersRun({ areas: ['security', 'database'] });
    const reviewer = model();
    const first = await reviewer.reviewArea('security', run);
    const second = await reviewer.reviewArea('database', run);
    const [a, b] = fake.requests;
    expect(a?.body.system).toEqual(b?.body.system);
    expect(a?.body.messages?.[0]?.content[0]).toEqual(b?.body.messages?.[0]?.content[0]);
    expect(a?.body.messages?.[0]?.content[1]).not.toEqual(b?.body.messages?.[0]?.content[1]);
    expect(first.usage.cacheReadInputTokens).toBe(0);
    expect(second.usage.cacheReadInputTokens).toBeGreaterThan(0);
  });

  it('retries a 429 and then returns the answer', async () => {
    fake.enqueue(
      {
        kind: 'error',
        status: 429,
        type: 'rate_limit_error',
        message: 'slow down',
        headers: { 'retry-after-ms': '5' },
      },
      { kind: 'message', text: '{"findings":[]}' },
    );
    const result = await model().reviewArea('security', ordersRun());
    expect(result.ok).toBe(true);
    expect(fake.requests).toHaveLength(2);
  });

  it('reports a server error when 529 persists through every retry', async () => {
    fake.otherwise(() => ({
      kind: 'error',
      status: 529,
      type: 'overloaded_error',
      message: 'Overloaded',
      headers: { 'retry-after-ms': '5' },
    }));
    const result = await model({ maxRetries: 2 }).reviewArea('security', ordersRun());
    expect(fake.requests).toHaveLength(3);
    expect(result).toMatchObject({ ok: false, reason: 'server-error' });
    if (!result.ok)
      expect(result.message).toBe(
        'Model review (security) skipped: the Anthropic API was unavailable after retries (HTTP 529 overloaded_error, after 2 retries).',
      );
  });

  it('reports a refusal with its category and the tokens it cost', async () => {
    fake.enqueue({
      kind: 'message',
      text: 'I cannot help with that.',
      stopReason: 'refusal',
      stopDetails: { type: 'refusal', category: 'cyber', explanation: null },
    });
    const result = await model().reviewArea('security', ordersRun());
    expect(result).toMatchObject({ ok: false, reason: 'refusal' });
    if (result.ok) return;
    expect(result.message).toContain('category: cyber');
    expect(result.usage.outputTokens).toBeGreaterThan(0);
  });

  it('reports an answer that is not JSON as unparsable', async () => {
    fake.enqueue({ kind: 'message', text: '{"findings": [ {"file": ' });
    const result = await model().reviewArea('security', ordersRun());
    expect(result).toMatchObject({ ok: false, reason: 'unparsable' });
  });

  it('reports JSON of the wrong shape as unparsable', async () => {
    fake.enqueue({ kind: 'message', text: '{"issues": []}' });
    const result = await model().reviewArea('security', ordersRun());
    expect(result).toMatchObject({ ok: false, reason: 'unparsable' });
  });

  it('gives up with a timeout when the server never answers', async () => {
    fake.enqueue({ kind: 'hang' });
    const started = Date.now();
    const result = await model({ timeoutMs: 300, maxRetries: 0 }).reviewArea('security', ordersRun());
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(3_000);
    if (!result.ok) expect(result.message).toContain('300 ms');
  });

  it('discards an answer cut off by max_tokens', async () => {
    fake.enqueue({ kind: 'message', text: '{"findings": [', stopReason: 'max_tokens' });
    const result = await model().reviewArea('security', ordersRun());
    expect(result).toMatchObject({ ok: false, reason: 'max-tokens' });
  });

  it('reports a context window overflow, by stop reason or by a prompt-too-long 400', async () => {
    fake.enqueue(
      { kind: 'message', text: '', stopReason: 'model_context_window_exceeded' },
      {
        kind: 'error',
        status: 400,
        type: 'invalid_request_error',
        message: 'prompt is too long: 250000 tokens > 200000 maximum',
      },
    );
    const reviewer = model();
    expect(await reviewer.reviewArea('security', ordersRun())).toMatchObject({
      ok: false,
      reason: 'context-exceeded',
    });
    expect(await reviewer.reviewArea('security', ordersRun())).toMatchObject({
      ok: false,
      reason: 'context-exceeded',
    });
  });

  it('reports a rejected key without retrying and without echoing the key', async () => {
    fake.otherwise(() => ({
      kind: 'error',
      status: 401,
      type: 'authentication_error',
      message: `invalid x-api-key ${TEST_KEY}`,
    }));
    const result = await model().reviewArea('security', ordersRun());
    expect(fake.requests).toHaveLength(1);
    expect(result).toMatchObject({ ok: false, reason: 'unauthorized' });
    if (!result.ok) {
      expect(result.message).toContain('anthropic-api-key');
      expect(result.message).not.toContain(TEST_KEY);
    }
  });

  it('skips a call, sending nothing, when the run budget cannot cover it', async () => {
    const result = await model().reviewArea('security', ordersRun({ maxInputTokens: 500 }));
    expect(result).toMatchObject({ ok: false, reason: 'budget' });
    expect(fake.requests).toHaveLength(0);
  });

  it('writes a narrative with cleaned text and only the design notes tied to files it saw', async () => {
    fake.enqueue({ kind: 'message', text: readFixture('narrative-answer.json') });
    const result = await model().writeNarrative(ordersRun());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.narrative.summary).toBe(
      'Orders can now be filtered by status. Ping `@someone` for context &lt;img src=x onerror=alert(1)> backend-developer:report',
    );
    expect(result.narrative.designNotes).toEqual([
      {
        note: 'The handler keeps reading from the existing db module.',
        files: ['src/orders/list-orders.ts'],
      },
    ]);
    expect(result.narrative.bugFix).toEqual({
      issue: null,
      rootCause: null,
      solution: null,
      prevention: null,
    });
    expect(fake.requests[0]?.body.output_config?.format?.schema).toMatchObject({
      required: ['summary', 'designNotes', 'bugFix'],
    });
    expect(fake.requests[0]?.rawBody).toContain(FIXED_TOKEN);
  });

  it('uses ANTHROPIC_BASE_URL when no base URL is given', async () => {
    const saved = process.env.ANTHROPIC_BASE_URL;
    process.env.ANTHROPIC_BASE_URL = fake.url;
    try {
      fake.enqueue({ kind: 'message', text: '{"findings":[]}' });
      const reviewer = createReviewModel({ apiKey: TEST_KEY, model: 'claude-sonnet-5-5', maxRetries: 0 });
      expect(await reviewer?.reviewArea('qa', ordersRun({ areas: ['qa'] }))).toMatchObject({ ok: true });
      expect(fake.requests).toHaveLength(1);
    } finally {
      if (saved === undefined) delete process.env.ANTHROPIC_BASE_URL;
      else process.env.ANTHROPIC_BASE_URL = saved;
    }
  });

  it('lets calls started together spend no more than the budget: the rest fail with budget', async () => {
    fake.otherwise(() => ({ kind: 'message', text: '{"findings":[]}' }));
    const probe = ordersRun();
    const perCall = estimateCallTokens(probe, buildAreaReviewTask('security'), FINDINGS_JSON_SCHEMA);
    const run = ordersRun({ maxInputTokens: perCall * 3 + 10 });
    expect(run.sharedContext).toBe(probe.sharedContext);
    const reviewer = model();
    const results = await Promise.all(Array.from({ length: 7 }, () => reviewer.reviewArea('security', run)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.reason === 'budget')).toHaveLength(4);
    expect(fake.requests).toHaveLength(3);
    expect(run.budget.used()).toBeLessThanOrEqual(run.budget.limit);
  });
});
