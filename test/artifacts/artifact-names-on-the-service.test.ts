import { afterAll, beforeAll, expect, it } from 'vitest';
import { artifactNameFor } from '../../src/artifacts/validation-artifact-name.js';
import type { ProjectValidation } from '../../src/validation/validation-result.js';
import { loadAsJob, readResultFixture, saveAsJob } from './artifact-store-test-kit.js';
import { startFakeResultsService, type FakeResultsService } from './fake-results-service.js';
import { matrixJob } from './matrix-job-environment.js';

let fake: FakeResultsService;
beforeAll(async () => {
  fake = await startFakeResultsService();
});
afterAll(async () => {
  await fake.stop();
});

it('saves and loads projects whose paths the artifact client would reject as names', async () => {
  const template = await readResultFixture('root-passed');
  const paths = ['services/api', '.', 'a:b', 'a-b', 'services/café', '服务/api', 'apps/web app (legacy)'];
  const results: ProjectValidation[] = paths.map((project) => ({ ...template, project }));

  // Each upload goes through the client's own name check (validateArtifactName) before CreateArtifact.
  for (const [index, result] of results.entries()) {
    await saveAsJob(fake.url, matrixJob('run-names', `validate-${index}`), result);
  }
  const loaded = await loadAsJob(fake.url, matrixJob('run-names', 'report'));

  expect(loaded.problems).toEqual([]);
  expect(loaded.results.map((result) => result.project)).toEqual([...paths].sort());
  expect(fake.artifacts().map((artifact) => artifact.name)).toEqual(paths.map(artifactNameFor));
});
