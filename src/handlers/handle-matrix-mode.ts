import type { ValidationResultStore } from '../artifacts/validation-result-store.js';
import type { PullRequestInfo } from '../github/pull-request.js';
import type { ActionEnvironment, HandlerOutcome } from '../pipeline/action-environment.js';
import { runDiscoverMode } from '../pipeline/run-discover-mode.js';
import { runFullReport } from '../pipeline/run-full-report.js';
import { runValidateMode } from '../pipeline/run-validate-mode.js';

/** `mode: discover | validate | report`: one step of the matrix workflow for a pull request. */
export async function handleMatrixMode(
  env: ActionEnvironment,
  store: ValidationResultStore,
  pr: PullRequestInfo,
): Promise<HandlerOutcome> {
  switch (env.settings.mode) {
    case 'discover':
      return runDiscoverMode(env, pr);
    case 'validate':
      // readInputs guarantees `project` with this mode.
      return runValidateMode(env, store, env.settings.project ?? '.', pr);
    case 'report': {
      const { results, problems } = await store.loadAll();
      for (const problem of problems) env.log.warning(problem);
      if (results.length === 0)
        env.log.warning('No validation results were found: did the validate jobs run with `mode: validate`?');
      return runFullReport(env, pr, { precomputedValidation: results });
    }
    case 'auto':
      return runFullReport(env, pr);
  }
}
