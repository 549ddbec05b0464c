import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LoadedValidationResults } from '../../src/artifacts/validation-result-store.js';
import { freshTempDir, readResultFixture } from './artifact-store-test-kit.js';
import { startFakeResultsService, type FakeResultsService } from './fake-results-service.js';
import { jobEnvironment, matrixJob } from './matrix-job-environment.js';
import type { JobBackendIds } from './runtime-token.js';

const run = promisify(execFile);
// The action runs on Node 24 (`runs.using: node24`); the package `node` puts that binary here.
const NODE_24 = join('node_modules', '.bin', 'node');
const RUN = 'run-in-processes';

let fake: FakeResultsService;
let bundle: string;

beforeAll(async () => {
  fake = await startFakeResultsService();
  // Bundled the way scripts/build.mjs bundles dist/index.js, so the client runs as it will in the action.
  bundle = join(await freshTempDir(), 'matrix-job.mjs');
  await build({
    entryPoints: ['test/artifacts/matrix-job-process.ts'],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __cr } from 'node:module';\nconst require = __cr(import.meta.url);",
    },
  });
});
afterAll(async () => {
  await fake.stop();
});

/** Runs one job process with only the runner's variables (none of this process's GITHUB_* or ACTIONS_*). */
async function runJob(job: JobBackendIds, command: 'save' | 'load', file: string): Promise<void> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('GITHUB_') && !name.startsWith('ACTIONS_'),
    ),
  );
  await run(NODE_24, [bundle, command, await freshTempDir(), file], {
    env: { ...inherited, ...jobEnvironment(fake.url, job) },
    timeout: 60_000,
  });
}

it('hands results from matrix job processes to the report job process through the artifact service alone', async () => {
  const inputs = await freshTempDir();
  for (const [index, fixture] of ['services-api-failed', 'root-passed'].entries()) {
    const file = join(inputs, `${fixture}.json`);
    await writeFile(file, JSON.stringify(await readResultFixture(fixture)), 'utf8');
    await runJob(matrixJob(RUN, `validate-${index}`), 'save', file);
  }
  const output = join(inputs, 'loaded.json');

  await runJob(matrixJob(RUN, 'report'), 'load', output);

  const loaded = JSON.parse(await readFile(output, 'utf8')) as LoadedValidationResults;
  expect(loaded).toEqual({
    results: [await readResultFixture('root-passed'), await readResultFixture('services-api-failed')],
    problems: [],
  });
  // The twirp calls come from the artifact client, the block uploads from Azure's SDK, both on Node 24.
  const agents = (kind: string): string[] =>
    fake.requests
      .filter((request) => request.kind === kind)
      .map((request) => String(request.headers['user-agent']));
  expect(agents('twirp')).toSatisfy((values: string[]) =>
    values.every((agent) => agent.startsWith('@actions/artifact-6.')),
  );
  expect(
    agents('blob')
      .filter((agent) => agent.includes('azure-storage-blob'))
      .every((agent) => agent.includes('Node/24.')),
  ).toBe(true);
  expect(agents('blob').some((agent) => agent.includes('azure-storage-blob'))).toBe(true);
});
