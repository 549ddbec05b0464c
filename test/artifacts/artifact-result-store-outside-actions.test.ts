import { expect, it } from 'vitest';
import { createArtifactResultStore } from '../../src/artifacts/artifact-result-store.js';
import { freshTempDir, readResultFixture, recordingLog } from './artifact-store-test-kit.js';
import { runAsJob } from './matrix-job-environment.js';

/** Runs `step` with none of the runner's artifact variables, as on a laptop or in a `run:` step. */
async function withoutRunnerEnvironment<T>(step: () => Promise<T>): Promise<T> {
  return runAsJob(
    'http://127.0.0.1:9/',
    { workflowRunBackendId: 'r', workflowJobRunBackendId: 'j' },
    async () => {
      delete process.env.ACTIONS_RUNTIME_TOKEN;
      delete process.env.ACTIONS_RESULTS_URL;
      return step();
    },
  );
}

it('explains that saving needs a GitHub Actions job when the runner’s artifact variables are missing', async () => {
  const store = createArtifactResultStore({ tempDir: await freshTempDir(), log: recordingLog() });
  const result = await readResultFixture('root-passed');

  const saving = withoutRunnerEnvironment(() => store.save(result));

  await expect(saving).rejects.toThrow(
    /Unable to get the ACTIONS_RUNTIME_TOKEN env variable\. Matrix mode keeps results as workflow artifacts/,
  );
});

it('explains the same when the report job cannot list artifacts', async () => {
  const store = createArtifactResultStore({ tempDir: await freshTempDir(), log: recordingLog() });

  const loading = withoutRunnerEnvironment(() => store.loadAll());

  await expect(loading).rejects.toThrow(
    /^Could not list the artifacts of this workflow run: .*`mode: auto` elsewhere\.$/s,
  );
});

it('refuses early on GitHub Enterprise Server, where artifacts of this kind do not exist', async () => {
  const store = createArtifactResultStore({ tempDir: await freshTempDir(), log: recordingLog() });

  const loading = runAsJob(
    'http://127.0.0.1:9/',
    { workflowRunBackendId: 'r', workflowJobRunBackendId: 'j' },
    () => {
      process.env.GITHUB_SERVER_URL = 'https://github.example.com';
      return store.loadAll();
    },
  );

  await expect(loading).rejects.toThrow(/GitHub Enterprise Server does not offer the artifact service/);
});
