import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullRequestPayload } from '../harness/payloads.js';
import { runAction } from '../harness/run-action.js';
import { startGitHubHarness, type GitHubHarness } from '../harness/start-github-harness.js';

const echoAction = fileURLToPath(new URL('./fixtures/echo-action.mjs', import.meta.url));
let harness: GitHubHarness;

beforeAll(async () => {
  harness = await startGitHubHarness();
});

afterAll(async () => {
  await harness?.stop();
});

describe('runAction', () => {
  it.each(['node24', 'node20'] as const)(
    'runs an action on %s with the runner environment and reads what it wrote',
    async (node) => {
      harness.fake.reset();
      harness.clearViolations();
      const pr = harness.fake.seed.pullRequest({ number: 3 });
      const run = await runAction({
        event: 'pull_request',
        payload: pullRequestPayload('opened', { number: 3, headSha: pr.headSha }),
        inputs: { mode: 'report' },
        apiUrl: harness.apiUrl,
        node,
        entry: echoAction,
      });
      const seen = JSON.parse(run.outputs.seen ?? '{}') as Record<string, unknown>;

      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
      expect(seen).toMatchObject({
        node: expect.stringMatching(node === 'node24' ? /^v24\./ : /^v20\./),
        event: 'pull_request',
        ref: 'refs/pull/3/merge',
        failOn: 'test-failure',
        token: true,
        nodeEnv: null,
        workspace: true,
      });
      expect(run.outputs['comment-url']).toMatch(/\/pull\/3#issuecomment-\d+$/);
      expect(run.outputs.report).toBe('line one\nline two');
      expect(run.state.posted).toBe(String(harness.fake.state.comments[0]?.id));
      expect(run.summary).toContain('<h1>Echo report</h1>');
      expect(harness.fake.state.comments.map((comment) => comment.body)).toEqual(['echo: report']);
      expect(harness.violations()).toEqual([]);
    },
  );

  it('parses annotations with their file and line, and the failure exit code', async () => {
    harness.fake.seed.pullRequest({ number: 1 });
    const run = await runAction({
      event: 'pull_request',
      payload: pullRequestPayload('synchronize'),
      inputs: { 'fail-on': 'always' },
      apiUrl: harness.apiUrl,
      entry: echoAction,
    });

    expect(run.exitCode).toBe(1);
    expect(run.annotations).toEqual([
      {
        level: 'error',
        message: 'Tests failed: 2, see log',
        properties: { title: 'Orders, API', file: 'services/api/src/orders.ts', line: '12' },
      },
      { level: 'warning', message: 'multi\nline', properties: {} },
      { level: 'notice', message: 'done', properties: {} },
      { level: 'error', message: 'asked to fail', properties: {} },
    ]);
  });

  it('keeps the runner files when asked, so a test can read what the action left in RUNNER_TEMP', async () => {
    harness.fake.seed.pullRequest({ number: 1 });
    const run = await runAction({
      event: 'pull_request',
      payload: pullRequestPayload('opened'),
      apiUrl: harness.apiUrl,
      entry: echoAction,
      keepRunnerFiles: true,
    });
    try {
      expect(existsSync(join(run.runnerDirectory, 'event.json'))).toBe(true);
    } finally {
      rmSync(run.runnerDirectory, { recursive: true, force: true });
    }
  });

  it('says to build first when the action script is missing', async () => {
    const missing = runAction({ event: 'push', payload: {}, entry: '/nonexistent/dist/index.js' });

    await expect(missing).rejects.toThrow('run `npm run build` first');
  });
});
