import { afterEach, beforeEach, expect, it } from 'vitest';
import { artifactNameFor } from '../../src/artifacts/validation-artifact-name.js';
import type { ProjectValidation } from '../../src/validation/validation-result.js';
import { loadAsJob, readResultFixture, saveAsJob } from './artifact-store-test-kit.js';
import { startFakeResultsService, type FakeResultsService } from './fake-results-service.js';
import { matrixJob } from './matrix-job-environment.js';

const RUN = 'run-with-a-re-run';
const firstAttempt = matrixJob(RUN, 'validate-api-attempt-1');
const secondAttempt = matrixJob(RUN, 'validate-api-attempt-2');

let fake: FakeResultsService;
let failed: ProjectValidation;
let fixed: ProjectValidation;

beforeEach(async () => {
  fake = await startFakeResultsService();
  failed = await readResultFixture('services-api-failed');
  fixed = {
    ...failed,
    outcome: 'passed',
    commands: failed.commands.map((command) => ({ ...command, outcome: 'passed' })),
  };
});
afterEach(async () => {
  await fake.stop();
});

it('replaces the artifact of an earlier attempt when a matrix job is re-run', async () => {
  await saveAsJob(fake.url, firstAttempt, failed);
  fake.requests.length = 0;

  const log = await saveAsJob(fake.url, secondAttempt, fixed);

  expect(fake.twirpCalls()).toEqual([
    'CreateArtifact',
    'ListArtifacts',
    'DeleteArtifact',
    'CreateArtifact',
    'FinalizeArtifact',
  ]);
  expect(fake.requests[0]?.status).toBe(409);
  expect(log).toContain(
    `info: Artifact ${artifactNameFor('services/api')} exists from an earlier attempt of this job; replacing it.`,
  );
  expect(fake.artifacts().map((artifact) => artifact.workflowJobRunBackendId)).toEqual([
    'validate-api-attempt-2',
  ]);
  expect(await loadAsJob(fake.url, matrixJob(RUN, 'report'))).toEqual({ results: [fixed], problems: [] });
});

it('keeps trying while the service still reports the deleted name as taken', async () => {
  await saveAsJob(fake.url, firstAttempt, failed);
  fake.keepNameTaken(artifactNameFor('services/api'), 3);
  fake.requests.length = 0;

  await saveAsJob(fake.url, secondAttempt, fixed);

  expect(fake.twirpCalls()).toEqual([
    'CreateArtifact',
    'ListArtifacts',
    'DeleteArtifact',
    'CreateArtifact',
    'CreateArtifact',
    'CreateArtifact',
    'FinalizeArtifact',
  ]);
  expect(fake.artifacts()).toHaveLength(1);
});

it('gives up with the service’s conflict when the name stays taken', async () => {
  await saveAsJob(fake.url, firstAttempt, failed);
  fake.keepNameTaken(artifactNameFor('services/api'), 10);

  await expect(saveAsJob(fake.url, secondAttempt, fixed)).rejects.toThrow(
    `Could not save the validation result of \`services/api\` as artifact ${artifactNameFor('services/api')}: Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run.`,
  );
});
