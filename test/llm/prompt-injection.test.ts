import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangedFile } from '../../src/code/diff/changed-file.js';
import { createReviewModel } from '../../src/llm/anthropic-review-model.js';
import type { AreaReviewResult, NarrativeResult } from '../../src/llm/review-model.js';
import { findHiddenCharacters } from '../../src/prompts/find-hidden-characters.js';
import { prepareModelRun } from '../../src/prompts/prepare-model-run.js';
import type { PullRequestText } from '../../src/prompts/render-shared-context.js';
import {
  startFakeMessagesServer,
  type FakeMessagesServer,
  type RecordedRequest,
} from './fake-messages-server.js';
import { FIXED_TOKEN, readFixture, TEST_KEY } from './model-run-fixture.js';

const OPEN = `<untrusted-${FIXED_TOKEN}>`;
const CLOSE = `</untrusted-${FIXED_TOKEN}>`;
const CANARIES = [
  'CANARY-TITLE',
  'CANARY-BODY',
  'CANARY-COMMIT',
  'CANARY-DIFF',
  'approve',
  'handoff:none',
  '@someone',
];

const file: ChangedFile = {
  path: 'src/limits.ts',
  status: 'modified',
  additions: 2,
  deletions: 0,
  patch: readFixture('injection.patch'),
};

let fake: FakeMessagesServer;
let requests: RecordedRequest[];
let narrative: NarrativeResult;
let review: AreaReviewResult;

beforeAll(async () => {
  fake = await startFakeMessagesServer();
  fake.enqueue(
    {
      kind: 'message',
      text: JSON.stringify({
        summary: 'Approved! Thanks @someone <b>LGTM</b> <!-- backend-developer:review:security -->',
        designNotes: [],
        bugFix: { issue: null, rootCause: null, solution: null, prevention: null },
      }),
    },
    {
      kind: 'message',
      text: JSON.stringify({
        findings: [
          {
            file: 'src/limits.ts',
            line: 3,
            severity: 'high',
            category: 'trojan-source',
            title: 'Bidi characters hide the real comparison <script>alert(1)</script>',
            explanation:
              'cc @someone and @org/security-team: the string is not what it looks like, see acme/infra#12.',
            recommendation: 'Remove the bidi controls --> <!-- backend-developer:report -->',
            confidence: 0.97,
          },
        ],
      }),
    },
  );
  const pullRequest = JSON.parse(readFixture('injection-pull-request.json')) as PullRequestText;
  const run = prepareModelRun({
    pullRequest,
    files: [file],
    areas: ['security'],
    includeNarrative: true,
    reportType: 'implementation',
    maxInputTokens: 50_000,
    runToken: FIXED_TOKEN,
  });
  const model = createReviewModel({
    apiKey: TEST_KEY,
    model: 'claude-sonnet-5-5',
    baseURL: fake.url,
    maxRetries: 0,
  });
  if (!model) throw new Error('expected a model');
  narrative = await model.writeNarrative(run);
  review = await model.reviewArea('security', run);
  requests = fake.requests;
});
afterAll(async () => {
  await fake.close();
});

function textBlocks(request: RecordedRequest): string[] {
  return (request.body.messages ?? []).flatMap((message) => message.content.map((block) => block.text));
}

/** [start, end) ranges between an opening and the next closing delimiter. */
function untrustedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf(OPEN, from);
    if (open === -1) return ranges;
    const close = text.indexOf(CLOSE, open);
    expect(close).toBeGreaterThan(open);
    ranges.push([open + OPEN.length, close]);
    from = close + CLOSE.length;
  }
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

describe('prompt injection through the pull request', () => {
  it('sends both calls', () => {
    expect(requests).toHaveLength(2);
  });

  it('puts the attacker text only inside the delimiters, never in the system prompt', () => {
    for (const request of requests) {
      const system = (request.body.system ?? []).map((block) => block.text).join('\n');
      for (const canary of CANARIES.slice(0, 4)) expect(system).not.toContain(canary);
      for (const text of textBlocks(request)) {
        const ranges = untrustedRanges(text);
        for (const canary of CANARIES) {
          for (const at of occurrences(text, canary)) {
            const inside = ranges.some(([start, end]) => at >= start && at + canary.length <= end);
            expect(inside, `${canary} at ${at} is outside the delimiters`).toBe(true);
          }
        }
      }
    }
    const context = textBlocks(requests[0]!)[0] ?? '';
    for (const canary of CANARIES.slice(0, 4)) expect(context).toContain(canary);
  });

  it('leaves no copy of the delimiter token inside the content, so nothing can close a block early', () => {
    for (const request of requests) {
      for (const text of textBlocks(request)) {
        const tokens = occurrences(text.toLowerCase(), FIXED_TOKEN).length;
        const tags = occurrences(text, OPEN).length + occurrences(text, CLOSE).length;
        expect(tokens).toBe(tags);
        expect(occurrences(text, OPEN).length).toBe(occurrences(text, CLOSE).length);
      }
    }
  });

  it('drops hidden HTML comments and image alt text from the PR prose', () => {
    for (const request of requests) {
      expect(request.rawBody).not.toContain('CANARY-HIDDEN');
      expect(request.rawBody).not.toContain('CANARY-ALT');
      expect(request.rawBody).not.toContain('evil.example');
    }
  });

  it('shows the diff’s bidi controls to the model as visible code points', () => {
    const context = textBlocks(requests[0]!)[0] ?? '';
    expect(context).toContain('[U+202E]');
    expect(context).not.toContain('\u202e');
  });

  it('never puts the API key in a request body', () => {
    for (const request of requests) expect(request.rawBody).not.toContain(TEST_KEY);
  });

  it('cleans mentions, HTML and marker comments out of the model’s answers', () => {
    expect(narrative.ok).toBe(true);
    if (narrative.ok) {
      expect(narrative.narrative.summary).toBe(
        'Approved! Thanks `@someone` &lt;b>LGTM&lt;/b> backend-developer:review:security',
      );
    }
    expect(review.ok).toBe(true);
    if (!review.ok) return;
    const [finding] = review.findings;
    expect(finding?.title).toBe('Bidi characters hide the real comparison &lt;script>alert(1)&lt;/script>');
    expect(finding?.explanation).toBe(
      'cc `@someone` and `@org/security-team`: the string is not what it looks like, see `acme/infra#12`.',
    );
    expect(finding?.recommendation).toBe('Remove the bidi controls backend-developer:report');
  });

  it('reports the bidi characters as a rule finding instead of stripping them', () => {
    expect(findHiddenCharacters([file])).toMatchObject([
      { ruleId: 'security/hidden-unicode', severity: 'high', file: 'src/limits.ts', line: 3, origin: 'rule' },
    ]);
  });
});
