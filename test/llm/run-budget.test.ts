import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDOFF_AREAS } from '../../src/handoffs/handoff-area.js';
import { createReviewModel } from '../../src/llm/anthropic-review-model.js';
import { totalInputTokens } from '../../src/llm/review-model.js';
import { prepareModelRun, type ModelRun } from '../../src/prompts/prepare-model-run.js';
import {
  startFakeMessagesServer,
  type FakeMessagesServer,
  type RecordedRequest,
} from './fake-messages-server.js';
import { FIXED_TOKEN, TEST_KEY } from './model-run-fixture.js';
import { RELEVANT_FILES, SPECIAL_FILES, syntheticPullRequestFiles } from './synthetic-pull-request.js';

const MAX_INPUT_TOKENS = 100_000;
const NARRATIVE = JSON.stringify({
  summary: 'Adds modules.',
  designNotes: [],
  bugFix: { issue: null, rootCause: null, solution: null, prevention: null },
});

let fake: FakeMessagesServer;
let run: ModelRun;
let results: Array<{ ok: boolean; usage: Parameters<typeof totalInputTokens>[0] }>;
const files = syntheticPullRequestFiles();

beforeAll(async () => {
  fake = await startFakeMessagesServer();
  fake.otherwise((request) =>
    request.body.output_config?.format?.schema.required instanceof Array &&
    request.body.output_config.format.schema.required.includes('summary')
      ? { kind: 'message', text: NARRATIVE }
      : { kind: 'message', text: '{"findings":[]}' },
  );
  run = prepareModelRun({
    pullRequest: { title: 'Big change', body: 'Many modules.', commitMessages: ['Add modules'] },
    files,
    areas: HANDOFF_AREAS,
    includeNarrative: true,
    reportType: 'implementation',
    maxInputTokens: MAX_INPUT_TOKENS,
    runToken: FIXED_TOKEN,
  });
  const model = createReviewModel({
    apiKey: TEST_KEY,
    model: 'claude-sonnet-5-5',
    baseURL: fake.url,
    maxRetries: 0,
  });
  if (!model) throw new Error('expected a model');
  results = [await model.writeNarrative(run)];
  for (const area of HANDOFF_AREAS) results.push(await model.reviewArea(area, run));
});
afterAll(async () => {
  await fake.close();
});

/** Every character the request asks the model to read, counted at 3 a token. */
function conservativeTokens(request: RecordedRequest): number {
  const texts = [
    ...(request.body.system ?? []).map((block) => block.text),
    ...(request.body.messages ?? []).flatMap((message) => message.content.map((block) => block.text)),
    JSON.stringify(request.body.output_config?.format?.schema ?? {}),
  ];
  return Math.ceil(texts.join('').length / 3);
}

describe('the input budget of a 3,000-file pull request', () => {
  it('runs the narrative and all seven areas', () => {
    expect(fake.requests).toHaveLength(8);
    expect(results.every((result) => result.ok)).toBe(true);
  });

  it('stays under max-input-tokens across all calls, cached tokens included', () => {
    const sent = fake.requests.reduce((sum, request) => sum + conservativeTokens(request), 0);
    expect(sent).toBeLessThanOrEqual(MAX_INPUT_TOKENS);
    const reported = results.reduce((sum, result) => sum + totalInputTokens(result.usage), 0);
    expect(reported).toBeLessThanOrEqual(MAX_INPUT_TOKENS);
    expect(run.budget.used()).toBeLessThanOrEqual(MAX_INPUT_TOKENS);
    // The budget is used, not wasted: most of it goes to the diff.
    expect(sent).toBeGreaterThan(MAX_INPUT_TOKENS * 0.6);
  });

  it('lists lockfiles first, then generated, minified, vendored and binary files, then files over budget', () => {
    const head = run.leftOut.slice(0, SPECIAL_FILES.length);
    expect(head.map((entry) => entry.reason)).toEqual(SPECIAL_FILES.map((special) => special.reason));
    expect(new Set(head.map((entry) => entry.path))).toEqual(
      new Set(SPECIAL_FILES.map((special) => special.file.path)),
    );
    expect(run.leftOut.slice(SPECIAL_FILES.length).every((entry) => entry.reason === 'budget')).toBe(true);
  });

  it('accounts for every file exactly once, as shown or left out', () => {
    const accounted = [...run.includedFiles, ...run.leftOut.map((entry) => entry.path)];
    expect(accounted).toHaveLength(files.length);
    expect(new Set(accounted)).toEqual(new Set(files.map((file) => file.path)));
  });

  it('keeps the files the areas care about even when most of the diff is left out', () => {
    expect(run.includedFiles.length).toBeLessThan(files.length / 2);
    for (const file of RELEVANT_FILES) expect(run.includedFiles).toContain(file.path);
  });
});
