import { describe, expect, it } from 'vitest';
import { pullRequestPayload, pullRequestTarget, runAction } from '../harness/index.js';
import { useCheckout, useGitHubHarness } from './use-fixtures.js';

const github = useGitHubHarness();
const repo = useCheckout('slow-test');

describe('live progress in the Actions log', () => {
  it('streams a slow test’s first line into its log group seconds before the command ends', async () => {
    github.harness.fake.seed.pullRequest({
      number: 5,
      title: 'Change the value',
      headSha: repo.checkout.headSha,
      baseSha: repo.checkout.baseSha,
      files: repo.checkout.files,
    });
    const seen: { at: number; text: string }[] = [];
    let partial = '';
    const run = await runAction({
      event: 'pull_request',
      payload: pullRequestPayload('opened', pullRequestTarget(github.harness.fake.state, 5)),
      apiUrl: github.harness.apiUrl,
      cwd: repo.checkout.dir,
      onStdout: (chunk) => {
        const parts = (partial + chunk.toString('utf8')).split('\n');
        partial = parts.pop() ?? '';
        for (const text of parts) seen.push({ at: Date.now(), text });
      },
    });
    expect(run.exitCode).toBe(0);
    const texts = seen.map((line) => line.text);
    const group = texts.indexOf('::group::.: test · npm test');
    const first = texts.indexOf('slow suite: first line');
    const result = texts.findIndex((text) => text.startsWith('→ .: test · npm test: passed in '));
    const end = texts.indexOf('::endgroup::', group);
    expect(group).toBeGreaterThan(-1);
    expect(first).toBeGreaterThan(group);
    expect(result).toBeGreaterThan(first);
    expect(end).toBeGreaterThan(result);
    expect((seen[result]?.at ?? 0) - (seen[first]?.at ?? 0)).toBeGreaterThanOrEqual(3_000);
    expect(github.harness.violations()).toEqual([]);
  }, 180_000);
});
