import type { PullRequestInfo } from '../github/pull-request.js';
import type { HandoffArea } from '../handoffs/handoff-area.js';
import type { ActionEnvironment, HandlerOutcome } from './action-environment.js';
import { applyHandoffLabels } from './apply-handoff-labels.js';
import { postAreaReviews } from './post-area-reviews.js';
import { prepareAnalysis } from './prepare-analysis.js';

/**
 * One area's review, asked for by a person (a `handoff:<area>` label or a `/backend` command):
 * no validation and no report update, just that area's comment and inline findings.
 */
export async function runRequestedReview(
  env: ActionEnvironment,
  pr: PullRequestInfo,
  area: HandoffArea,
  request: { reason: string; addLabel: boolean },
): Promise<HandlerOutcome> {
  const { reviews, config, files } = await prepareAnalysis(env, pr, {
    validateScope: 'none',
    reviews: [{ area, reason: request.reason }],
  });
  if (request.addLabel) await applyHandoffLabels(env, pr, [area], config.handoffs);
  const urls = await postAreaReviews(env, pr, reviews, files, { alwaysComment: true });
  const findings = reviews.flatMap((r) => r.findings);
  env.sink.setOutput('handoffs', JSON.stringify([area]));
  env.sink.setOutput('findings', String(findings.length));
  const url = urls.get(area);
  if (url) env.sink.setOutput('comment-url', url);
  env.log.info(`The ${area} review found ${findings.length} issue(s).`);
  const high = findings.filter((f) => f.severity === 'high').length;
  if (env.settings.failOn === 'high-findings' && high > 0)
    return {
      failed: true,
      reason: `fail-on: high-findings: ${high} high-severity finding(s) in the ${area} review.`,
    };
  return { failed: false };
}
