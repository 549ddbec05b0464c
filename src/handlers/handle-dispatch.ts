import type { ActionEnvironment, HandlerOutcome } from '../pipeline/action-environment.js';
import { runFullReport } from '../pipeline/run-full-report.js';

/** `workflow_dispatch` with `pr-number`: the full run for that pull request. */
export async function handleDispatch(env: ActionEnvironment, prNumber: number): Promise<HandlerOutcome> {
  const pr = await env.gateway.getPullRequest(prNumber);
  if (pr.state !== 'open') {
    env.log.notice(`Pull request #${prNumber} is ${pr.state}; reporting on it anyway as requested.`);
  }
  return runFullReport(env, pr);
}
