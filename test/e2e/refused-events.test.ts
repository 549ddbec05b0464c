import { describe, expect, it } from 'vitest';
import {
  pullRequestPayload,
  pullRequestTarget,
  runAction,
  workflowDispatchPayload,
} from '../harness/index.js';
import { useGitHubHarness } from './use-fixtures.js';

const github = useGitHubHarness();

describe('events the action refuses', () => {
  it('fails a pull_request_target run and says to use pull_request instead', async () => {
    github.harness.fake.seed.pullRequest({ number: 3 });
    const run = await runAction({
      event: 'pull_request_target',
      payload: pullRequestPayload('opened', pullRequestTarget(github.harness.fake.state, 3)),
      apiUrl: github.harness.apiUrl,
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /::error::pull_request_target is refused: it runs with secrets and a write token/,
    );
    expect(run.stdout).toContain('Trigger this workflow on `pull_request`');
    // Nothing was read or written on GitHub.
    expect(github.harness.fake.requests()).toEqual([]);
  });

  it('fails a workflow_dispatch run without pr-number and names the input', async () => {
    const run = await runAction({
      event: 'workflow_dispatch',
      payload: workflowDispatchPayload({}),
      apiUrl: github.harness.apiUrl,
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error::workflow_dispatch needs the `pr-number` input/);
    expect(github.harness.fake.requests()).toEqual([]);
  });

  it('still ends other events with a notice and exit code 0', async () => {
    const run = await runAction({
      event: 'push',
      payload: { ref: 'refs/heads/main' },
      apiUrl: github.harness.apiUrl,
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/::notice::Event `push` is not handled/);
  });
});
