import { execFileSync } from 'node:child_process';
import { beforeEach, describe, expect, it } from 'vitest';
import { pullRequestPayload, pullRequestTarget, runAction } from '../harness/index.js';
import { useCheckout, useGitHubHarness } from './use-fixtures.js';

const SECRET = 'dpl_9f8e7d6c5b4a39281706f5e4d3c2'; // 32 characters, as the fixture's test expects
const CONFIG = [
  'projects:',
  '  - path: services/broken',
  '    install: "echo cannot reach the registry >&2; exit 3"',
  '',
].join('\n');

const github = useGitHubHarness();
const repo = useCheckout('validation-cases');

beforeEach(() => {
  github.harness.fake.seed.pullRequest({
    number: 11,
    title: 'More tests',
    headSha: repo.checkout.headSha,
    baseSha: repo.checkout.baseSha,
    files: repo.checkout.files,
  });
  github.harness.fake.seed.content('.github/backend-developer.yml', CONFIG);
});

function sleepersAlive(): number {
  const out = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.trim() === 'sleep 300').length;
}

describe('validation through the action', () => {
  it('validates the affected projects, times out a hang, reports a failed install, and redacts a secret everywhere', async () => {
    const before = sleepersAlive();
    const run = await runAction({
      event: 'pull_request',
      payload: pullRequestPayload('opened', pullRequestTarget(github.harness.fake.state, 11)),
      inputs: { 'timeout-minutes': '0.1' },
      env: { DEPLOY_TOKEN: SECRET },
      apiUrl: github.harness.apiUrl,
      cwd: repo.checkout.dir,
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.validation).toBe('failed');
    const report =
      github.harness.fake.state.comments.find((c) => c.body.startsWith('<!-- backend-developer:report '))
        ?.body ?? '';
    expect(report).toMatch(/`services\/leaky` \| ✅ passed/);
    expect(report).toMatch(/`services\/slow` \| ❌ failed .*⏱️/);
    expect(report).toMatch(/`services\/broken` \| ❌ failed \| ❌ exit code 3/);
    // The test's output is in the log, with the secret masked.
    expect(run.stdout).toContain('using token [redacted: DEPLOY_TOKEN] for the deploy API');

    // The secret never leaves the runner: not in the log, the summary, the outputs or GitHub.
    for (const text of [
      run.stdout,
      run.stderr,
      run.summary,
      JSON.stringify(run.outputs),
      JSON.stringify(github.harness.fake.requests()),
    ]) {
      expect(text).not.toContain(SECRET);
    }
    // The hung test's grandchild was killed with its process group.
    expect(sleepersAlive()).toBe(before);
    expect(github.harness.violations()).toEqual([]);
  });
});
