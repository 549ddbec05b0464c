import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeResultsService, type FakeResultsService } from '../artifacts/fake-results-service.js';
import { jobEnvironment, matrixJob } from '../artifacts/matrix-job-environment.js';
import { pullRequestPayload, pullRequestTarget, runAction } from '../harness/index.js';
import { useCheckout, useGitHubHarness } from './use-fixtures.js';

const github = useGitHubHarness();
const repo = useCheckout('two-services');
let results: FakeResultsService;

beforeAll(async () => {
  results = await startFakeResultsService();
});
afterAll(async () => {
  await results?.stop();
});
beforeEach(() => {
  github.harness.fake.seed.pullRequest({
    number: 3,
    title: 'Discounts and reservations',
    headSha: repo.checkout.headSha,
    baseSha: repo.checkout.baseSha,
    files: repo.checkout.files,
  });
});

describe('matrix mode', () => {
  it('discovers, validates each project in its own job, and posts one report from the artifacts', async () => {
    const payload = pullRequestPayload('opened', pullRequestTarget(github.harness.fake.state, 3));
    const job = (name: string) => jobEnvironment(results.url, matrixJob('run-1', name));

    const discover = await runAction({
      event: 'pull_request',
      payload,
      inputs: { mode: 'discover' },
      apiUrl: github.harness.apiUrl,
      cwd: repo.checkout.dir,
      env: job('discover'),
    });
    expect(discover.exitCode).toBe(0);
    const matrix = JSON.parse(discover.outputs.matrix ?? '{}') as { project: string[] };
    expect(matrix).toEqual({ project: ['services/pricing', 'services/stock'] });
    expect(github.harness.fake.state.comments).toEqual([]);

    const validations = await Promise.all(
      matrix.project.map((project, i) =>
        runAction({
          event: 'pull_request',
          payload,
          inputs: { mode: 'validate', project, 'fail-on': 'never' },
          apiUrl: github.harness.apiUrl,
          cwd: repo.checkout.dir,
          env: job(`validate-${i}`),
        }),
      ),
    );
    expect(validations.map((v) => v.exitCode)).toEqual([0, 0]);
    expect(validations.map((v) => v.outputs.validation)).toEqual(['passed', 'failed']);
    expect(results.artifacts().map((a) => a.name)).toHaveLength(2);

    const report = await runAction({
      event: 'pull_request',
      payload,
      inputs: { mode: 'report' },
      apiUrl: github.harness.apiUrl,
      cwd: repo.checkout.dir,
      env: job('report'),
    });
    expect(report.exitCode).toBe(1);
    expect(report.outputs.validation).toBe('failed');
    const comments = github.harness.fake.state.comments.filter((c) =>
      c.body.startsWith('<!-- backend-developer:report '),
    );
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toMatch(/`services\/pricing` \| ✅ passed/);
    expect(comments[0]?.body).toMatch(/`services\/stock` \| ❌ failed/);
    expect(comments[0]?.body).toContain('reserves stock');
    expect(github.harness.violations()).toEqual([]);
  });
});
