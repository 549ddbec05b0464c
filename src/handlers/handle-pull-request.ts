import type { PullRequestAction } from '../event.js';
import type { PullRequestInfo } from '../github/pull-request.js';
import type { ActionEnvironment, HandlerOutcome } from '../pipeline/action-environment.js';
import { runFullReport } from '../pipeline/run-full-report.js';
import { readConfig } from '../pipeline/read-config.js';
import { runRequestedReview } from '../pipeline/run-requested-review.js';
import { areaForLabel } from '../handoffs/handoff-catalog.js';

/** `pull_request` events: the full run, or (for `labeled`) the review the label asks for. */
export async function handlePullRequest(
  env: ActionEnvironment,
  event: { action: PullRequestAction; pullRequest: PullRequestInfo; label?: string },
): Promise<HandlerOutcome> {
  const pr = event.pullRequest;
  if (pr.state !== 'open') {
    env.log.notice(`Pull request #${pr.number} is ${pr.state}; nothing to do.`);
    return { failed: false };
  }
  if (pr.draft) {
    env.log.notice(
      `Pull request #${pr.number} is a draft; the report runs when it is marked ready for review.`,
    );
    return { failed: false };
  }
  if (event.action === 'labeled') {
    const { config } = await readConfig(env, pr);
    const area = event.label ? areaForLabel(event.label, config.handoffs) : null;
    if (!area) {
      env.log.notice(`Label \`${event.label ?? ''}\` does not start a review; nothing to do.`);
      return { failed: false };
    }
    return runRequestedReview(env, pr, area, {
      reason: `the \`${event.label}\` label was added`,
      addLabel: false,
    });
  }
  return runFullReport(env, pr);
}
