import { makeRuntimeToken, type JobBackendIds } from './runtime-token.js';

/** The variables @actions/artifact reads at call time (only ACTIONS_ARTIFACT_MAX_ARTIFACT_COUNT is read at import, and left alone). */
const ARTIFACT_CLIENT_VARIABLES = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RESULTS_URL',
  'GITHUB_SERVER_URL',
  'GITHUB_WORKSPACE',
  'GITHUB_RETENTION_DAYS',
  'ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY',
  'ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS',
] as const;

/** One job of a workflow run, as the artifact service tells them apart. */
export function matrixJob(run: string, job: string): JobBackendIds {
  return { workflowRunBackendId: run, workflowJobRunBackendId: job };
}

/** The environment a runner gives a JavaScript action step of `job`, pointed at `resultsUrl`. */
export function jobEnvironment(resultsUrl: string, job: JobBackendIds): Record<string, string> {
  return {
    ACTIONS_RUNTIME_TOKEN: makeRuntimeToken(job),
    ACTIONS_RESULTS_URL: resultsUrl,
    // Anything but github.com, *.ghe.com or *.localhost counts as GHES, where the client refuses to run.
    GITHUB_SERVER_URL: 'https://github.com',
  };
}

/**
 * Runs `step` with the environment of `job`, then puts the process
 * environment back: one test process plays several matrix jobs in turn.
 */
export async function runAsJob<T>(
  resultsUrl: string,
  job: JobBackendIds,
  step: () => Promise<T>,
): Promise<T> {
  const saved = new Map(ARTIFACT_CLIENT_VARIABLES.map((name) => [name, process.env[name]]));
  for (const name of ARTIFACT_CLIENT_VARIABLES) delete process.env[name];
  Object.assign(process.env, jobEnvironment(resultsUrl, job));
  try {
    return await step();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
