import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createArtifactResultStore } from '../../src/artifacts/artifact-result-store.js';
import { artifactNameFor } from '../../src/artifacts/validation-artifact-name.js';
import type { ProjectValidation } from '../../src/validation/validation-result.js';
import type { LoadedValidationResults } from '../../src/artifacts/validation-result-store.js';
import {
  freshTempDir,
  loadAsJob,
  recordingLog,
  readResultFixture,
  saveAsJob as saveAsResultsJob,
  uploadRawArtifact,
} from './artifact-store-test-kit.js';
import { startFakeResultsService, type FakeResultsService } from './fake-results-service.js';
import { matrixJob, runAsJob } from './matrix-job-environment.js';
import type { JobBackendIds } from './runtime-token.js';

const RUN = 'c1a3e5f7-0000-4000-8000-00000000run1';
const apiJob = matrixJob(RUN, 'job-validate-api');
const rootJob = matrixJob(RUN, 'job-validate-root');
const reportJob = matrixJob(RUN, 'job-report');

let fake: FakeResultsService;
let api: ProjectValidation;
let root: ProjectValidation;

beforeEach(async () => {
  fake = await startFakeResultsService();
  api = await readResultFixture('services-api-failed');
  root = await readResultFixture('root-passed');
});
afterEach(async () => {
  await fake.stop();
});

const saveAsJob = (job: JobBackendIds, result: ProjectValidation): Promise<string[]> =>
  saveAsResultsJob(fake.url, job, result);
const loadAsReportJob = (): Promise<LoadedValidationResults> => loadAsJob(fake.url, reportJob);

describe('createArtifactResultStore against a stand-in of the Actions results service', () => {
  it('loads in the report job the results two matrix jobs saved', async () => {
    await saveAsJob(apiJob, api);
    await saveAsJob(rootJob, root);

    const loaded = await loadAsReportJob();

    expect(loaded).toEqual({ results: [root, api], problems: [] });
    expect(fake.artifacts().map((artifact) => [artifact.name, artifact.workflowJobRunBackendId])).toEqual([
      [artifactNameFor('services/api'), 'job-validate-api'],
      [artifactNameFor('.'), 'job-validate-root'],
    ]);
  });

  it('uploads a zip through the signed URL in blocks, asks for one day of retention and finalizes with its digest', async () => {
    const before = Date.now();
    await saveAsJob(apiJob, api);

    expect(fake.twirpCalls()).toEqual(['CreateArtifact', 'FinalizeArtifact']);
    const create = fake.requests.find((request) => request.target === 'CreateArtifact');
    expect(create?.headers.authorization).toMatch(/^Bearer ey/);
    expect(create?.body).toMatchObject({
      name: artifactNameFor('services/api'),
      version: 7,
      mime_type: 'application/zip',
    });
    const expiresAt = Date.parse(String((create?.body as { expires_at?: string }).expires_at));
    expect(expiresAt - before).toBeGreaterThan(23 * 3600_000);
    expect(expiresAt - before).toBeLessThan(25 * 3600_000 + 60_000);
    const blobRequests = fake.requests.filter((request) => request.kind === 'blob');
    expect(blobRequests.map((request) => [request.method, request.query.comp, request.status])).toEqual([
      ['PUT', 'block', 201],
      ['PUT', 'blocklist', 201],
    ]);
    const [stored] = fake.artifacts();
    expect(stored?.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(fake.state.blobs.get(stored?.blobPath ?? '')?.contentType).toBe('application/zip');
  });

  it('lists, signs and downloads each artifact in the report job', async () => {
    await saveAsJob(apiJob, api);
    fake.requests.length = 0;

    await loadAsReportJob();

    expect(
      fake.requests.map(
        (request) =>
          `${request.kind} ${request.method} ${request.target.startsWith('/') ? 'blob' : request.target}`,
      ),
    ).toEqual([
      'twirp POST ListArtifacts',
      'twirp POST ListArtifacts',
      'twirp POST GetSignedArtifactURL',
      'blob GET blob',
    ]);
    expect(fake.requests[1]?.body).toMatchObject({ id_filter: String(fake.artifacts()[0]?.id) });
  });

  it('leaves the workflow’s other artifacts alone', async () => {
    await saveAsJob(apiJob, api);
    await runAsJob(fake.url, rootJob, () =>
      uploadRawArtifact('coverage-report', { 'coverage.json': '{"lines": 91.2}' }),
    );

    const loaded = await loadAsReportJob();

    expect(loaded).toEqual({ results: [api], problems: [] });
    expect(fake.requests.filter((request) => request.target === 'GetSignedArtifactURL')).toHaveLength(1);
  });

  it('reports an artifact with broken JSON as a problem and still loads the others', async () => {
    await saveAsJob(apiJob, api);
    const broken = artifactNameFor('services/worker');
    await runAsJob(fake.url, rootJob, () =>
      uploadRawArtifact(broken, {
        'validation-result.json': '{"schema": 1, "project": "services/worker", "result": {',
      }),
    );
    await saveAsJob(matrixJob(RUN, 'job-validate-root-2'), root);

    const loaded = await loadAsReportJob();

    expect(loaded.results).toEqual([root, api]);
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]).toContain(`artifact ${broken} is not valid JSON`);
  });

  it('reports a result saved by another format version and tells the user to align the action versions', async () => {
    const name = artifactNameFor('services/billing');
    const future = JSON.stringify({
      schema: 2,
      project: 'services/billing',
      result: { project: 'services/billing' },
    });
    await runAsJob(fake.url, rootJob, () => uploadRawArtifact(name, { 'validation-result.json': future }));

    const loaded = await loadAsReportJob();

    expect(loaded.results).toEqual([]);
    expect(loaded.problems).toEqual([
      `The validation result in artifact ${name} has format version 2, but this action reads version 1: use the same version of the action in the validate and report jobs.`,
    ]);
  });

  it('reports an artifact of ours that holds no result file', async () => {
    const name = artifactNameFor('services/empty');
    await runAsJob(fake.url, rootJob, () => uploadRawArtifact(name, { 'notes.txt': 'nothing here' }));

    const loaded = await loadAsReportJob();

    expect(loaded.problems).toEqual([`The artifact ${name} does not contain validation-result.json.`]);
  });

  it('does not trust a download whose digest differs from the one recorded at upload', async () => {
    await saveAsJob(apiJob, api);
    await saveAsJob(rootJob, root);
    const [apiArtifact, rootArtifact] = fake.artifacts();
    const rootBlob = fake.state.blobs.get(rootArtifact?.blobPath ?? '');
    fake.state.blobs.set(apiArtifact?.blobPath ?? '', { stagedBlocks: new Map(), ...rootBlob });

    const loaded = await loadAsReportJob();

    expect(loaded.results).toEqual([root]);
    expect(loaded.problems).toEqual([
      `The download of artifact ${artifactNameFor('services/api')} does not match the digest recorded when it was uploaded.`,
    ]);
  });

  it('warns when the run holds no validation results at all', async () => {
    await runAsJob(fake.url, rootJob, () => uploadRawArtifact('coverage-report', { 'coverage.json': '{}' }));
    const log = recordingLog();

    const loaded = await runAsJob(fake.url, reportJob, async () =>
      createArtifactResultStore({ tempDir: await freshTempDir(), log }).loadAll(),
    );

    expect(loaded).toEqual({ results: [], problems: [] });
    expect(log.lines).toContain(
      'warning: This workflow run holds no validation results: the report job must run after the jobs with `mode: validate` (`needs:`), in the same run.',
    );
  });
});
